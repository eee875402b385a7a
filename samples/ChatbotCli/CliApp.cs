using Cinnox.Chatbot.Tool.Cli;

namespace ChatbotCli;

/// <summary>
/// The command line of the sample: the <c>cinnox-chatbot</c> tool's commands (<c>send</c>, <c>check</c>,
/// <c>playground</c>) under the name <c>ChatbotCli</c>.
/// </summary>
internal static class CliApp
{
    /// <summary>The program's name in usage texts.</summary>
    public const string ProgramName = "ChatbotCli";

    /// <summary>Runs the command line; returns the exit code (0, 1 or 2).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        ToolApp.RunAsync(args, output, error, ProgramName, cancellationToken);
}

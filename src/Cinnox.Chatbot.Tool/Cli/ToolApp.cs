using System.CommandLine;
using System.CommandLine.Help;
using Cinnox.Chatbot.Tool.Checking;
using Cinnox.Chatbot.Tool.Playground;
using Cinnox.Chatbot.Tool.Sending;

namespace Cinnox.Chatbot.Tool.Cli;

/// <summary>
/// The command line: <c>send</c>, <c>check</c> and <c>playground</c>. Parsing is System.CommandLine's; the tool prints
/// its own usage so that every error reads <c>error: ...</c> followed by the usage on standard error, with exit code 2
/// and nothing sent.
/// </summary>
internal static class ToolApp
{
    /// <summary>The command's name when installed as a .NET tool.</summary>
    public const string ToolName = "cinnox-chatbot";

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where problems and diagnostics go (standard error).</param>
    /// <param name="program">The program's name in usage texts.</param>
    /// <param name="cancellationToken">Stops the command (Ctrl+C).</param>
    /// <returns>The exit code: 0, 1 or 2 (see <see cref="ToolExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string program = ToolName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new ToolConsole(output, error);
        IToolCommand[] commands = [new SendCommand(), new CheckCommand(), new PlaygroundCommand()];
        var root = new RootCommand("Send to, check and try CINNOX General Chatbot endpoints.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Command);
        }

        if (args is [] or ["help"])
        {
            if (args is ["help"])
            {
                await output.WriteLineAsync(RootUsage(program, commands)).ConfigureAwait(false);
                return ToolExitCodes.Success;
            }

            return await FailAsync(console, ["No command given; the commands are 'send', 'check' and 'playground'."], RootUsage(program, commands)).ConfigureAwait(false);
        }

        // Response files (@file) are off: a visitor's message may well start with '@'.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var chosen = commands.FirstOrDefault(command => ReferenceEquals(command.Command, result.CommandResult.Command));
        var usage = chosen?.Usage(program) ?? RootUsage(program, commands);
        if (result.Action is HelpAction)
        {
            await output.WriteLineAsync(usage).ConfigureAwait(false);
            return ToolExitCodes.Success;
        }

        if (result.Errors.Count > 0 || chosen is null)
        {
            var messages = result.Errors.Select(problem => problem.Message).ToList();
            if (chosen is null && messages.Count == 0)
            {
                messages.Add($"Unknown command '{args[0]}'; the commands are 'send', 'check' and 'playground'.");
            }

            return await FailAsync(console, messages, usage).ConfigureAwait(false);
        }

        var errors = new List<string>();
        var work = chosen.Bind(result, console, errors);
        if (work is null)
        {
            return await FailAsync(console, errors, usage).ConfigureAwait(false);
        }

        return await work(cancellationToken).ConfigureAwait(false);
    }

    private static string RootUsage(string program, IEnumerable<IToolCommand> commands) =>
        $"""
        {program}: send to, check and try CINNOX General Chatbot endpoints.

        commands: send, check, playground ({program} COMMAND --help for one of them)

        """ + string.Join(Environment.NewLine + Environment.NewLine, commands.Select(command => command.Usage(program)));

    private static async Task<int> FailAsync(ToolConsole console, IReadOnlyList<string> errors, string usage)
    {
        foreach (var message in errors)
        {
            await console.Error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync().ConfigureAwait(false);
        await console.Error.WriteLineAsync(usage).ConfigureAwait(false);
        return ToolExitCodes.InvalidArguments;
    }
}

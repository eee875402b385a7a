using System.CommandLine;
using Cinnox.Chatbot.Tool.Cli;

namespace Cinnox.Chatbot.Tool.Checking;

internal sealed class CheckCommand : IToolCommand
{
    public Command Command { get; } = new("Check".ToLowerInvariant());

    public string Usage(string program) => program;

    public Func<CancellationToken, Task<int>>? Bind(ParseResult result, ToolConsole console, List<string> errors) => null;
}

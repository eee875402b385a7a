using System.CommandLine;
using Cinnox.Chatbot.Tool.Cli;

namespace Cinnox.Chatbot.Tool.Playground;

internal sealed class PlaygroundCommand : IToolCommand
{
    public Command Command { get; } = new("Playground".ToLowerInvariant());

    public string Usage(string program) => program;

    public Func<CancellationToken, Task<int>>? Bind(ParseResult result, ToolConsole console, List<string> errors) => null;
}

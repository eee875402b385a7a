using System.CommandLine;

namespace Cinnox.Chatbot.Tool.Cli;

/// <summary>One command of the tool: its definition, its usage text, and how it turns a parse into work.</summary>
internal interface IToolCommand
{
    /// <summary>Gets the command's definition.</summary>
    Command Command { get; }

    /// <summary>The usage text, naming the program as <paramref name="program"/>.</summary>
    string Usage(string program);

    /// <summary>
    /// Reads the parsed arguments. Returns the work to run, or null with the problems in <paramref name="errors"/>
    /// (then nothing is sent).
    /// </summary>
    Func<CancellationToken, Task<int>>? Bind(ParseResult result, ToolConsole console, List<string> errors);
}

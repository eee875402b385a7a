namespace Cinnox.Chatbot.Tool.Cli;

/// <summary>Where a command writes: its result to <see cref="Output"/>, problems and diagnostics to <see cref="Error"/>.</summary>
internal sealed record ToolConsole(TextWriter Output, TextWriter Error);

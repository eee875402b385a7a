using Cinnox.Chatbot.Tool.Cli;

namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>What the playground serves: the bot it talks to and the local port it listens on.</summary>
/// <param name="Endpoint">The bot's URL, headers, URL parameters, context fields and limits from the command line.</param>
/// <param name="Port">The port on 127.0.0.1; 0 lets the system choose a free one.</param>
internal sealed record PlaygroundSettings(EndpointSettings Endpoint, int Port = 0);

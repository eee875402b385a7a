using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Samples;

/// <summary>The chat client the bot answers with, and a sentence saying which it is.</summary>
/// <param name="Client">The chat client.</param>
/// <param name="Description">Which model answers, for the console.</param>
public sealed record AiBotModel(IChatClient Client, string Description);

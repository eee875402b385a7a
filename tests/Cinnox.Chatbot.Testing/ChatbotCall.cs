namespace Cinnox.Chatbot.Testing;

/// <summary>One call made to a <see cref="ScriptedChatbotClient"/>.</summary>
/// <param name="Request">The request sent.</param>
/// <param name="Options">The per-call options, if any.</param>
/// <param name="Streamed">Whether the call was <see cref="IChatbotClient.StreamAsync"/> rather than <see cref="IChatbotClient.SendAsync"/>.</param>
public sealed record ChatbotCall(ChatbotRequest Request, ChatbotSendOptions? Options, bool Streamed);

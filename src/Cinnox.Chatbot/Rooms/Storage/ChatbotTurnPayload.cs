namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>What a queued chatbot turn carries: the visitor's message and the text sent to the chatbot.</summary>
/// <param name="MessageId">The visitor's message.</param>
/// <param name="Query">The text sent to the chatbot.</param>
internal sealed record ChatbotTurnPayload(string MessageId, string Query);

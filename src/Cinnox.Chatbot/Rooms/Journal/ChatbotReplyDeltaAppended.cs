namespace Cinnox.Chatbot.Rooms;

/// <summary>Text arrived for a streaming chatbot reply.</summary>
public sealed record ChatbotReplyDeltaAppended : RoomEvent
{
    /// <summary>Gets the reply message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the text that arrived.</summary>
    public required string Delta { get; init; }
}

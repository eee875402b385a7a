namespace Cinnox.Chatbot.Rooms;

/// <summary>A streamed chatbot reply ended: final, incomplete or failed.</summary>
public sealed record ChatbotReplyCompleted : RoomEvent
{
    /// <summary>Gets the reply message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the reply's final content.</summary>
    public required MessageContentData Content { get; init; }
}

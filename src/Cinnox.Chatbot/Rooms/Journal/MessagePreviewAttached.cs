namespace Cinnox.Chatbot.Rooms;

/// <summary>A link or image preview was attached to a message.</summary>
public sealed record MessagePreviewAttached : RoomEvent
{
    /// <summary>Gets the message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the preview.</summary>
    public required MessagePreview Preview { get; init; }
}

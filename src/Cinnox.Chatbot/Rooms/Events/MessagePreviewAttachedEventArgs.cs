namespace Cinnox.Chatbot.Rooms;

/// <summary>A link or image preview was attached to a message.</summary>
public sealed class MessagePreviewAttachedEventArgs : ChatRoomEventArgs
{
    internal MessagePreviewAttachedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, RoomMessage message, MessagePreview preview)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(preview);
        Message = message;
        Preview = preview;
    }

    /// <summary>Gets the message with the preview.</summary>
    public RoomMessage Message { get; }

    /// <summary>Gets the preview attached.</summary>
    public MessagePreview Preview { get; }
}

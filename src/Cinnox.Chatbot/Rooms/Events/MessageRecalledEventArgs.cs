namespace Cinnox.Chatbot.Rooms;

/// <summary>A message or file was recalled: it stays as a tombstone, its content gone.</summary>
public sealed class MessageRecalledEventArgs : ChatRoomEventArgs
{
    internal MessageRecalledEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, RoomMessage message)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
    }

    /// <summary>Gets the tombstone.</summary>
    public RoomMessage Message { get; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A change to a room, raised by <see cref="ChatRoom.Changed"/>. Each kind of change is a derived type
/// (<see cref="MessagePostedEventArgs"/>, <see cref="ChatbotReplyDeltaEventArgs"/>, <see cref="EnquiryClosedEventArgs"/>…):
/// switch on the type to follow the ones you need.
/// </summary>
/// <remarks>
/// <see cref="Version"/> numbers a room's changes 1, 2, 3… with no gaps, in the order they happened, so a store
/// that took a snapshot at <see cref="ChatRoom.Version"/> applies exactly the events after it.
/// </remarks>
public abstract class ChatRoomEventArgs : EventArgs
{
    private protected ChatRoomEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt)
    {
        Room = room;
        Version = version;
        OccurredAt = occurredAt;
    }

    /// <summary>Gets the room that changed.</summary>
    public ChatRoom Room { get; }

    /// <summary>Gets the room's version after this change.</summary>
    public long Version { get; }

    /// <summary>Gets when the change happened, on the room's clock.</summary>
    public DateTimeOffset OccurredAt { get; }
}

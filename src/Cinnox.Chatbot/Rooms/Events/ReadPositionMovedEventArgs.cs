namespace Cinnox.Chatbot.Rooms;

/// <summary>A member's read position in the room moved forward.</summary>
public sealed class ReadPositionMovedEventArgs : ChatRoomEventArgs
{
    internal ReadPositionMovedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, string memberId, long previousSequence, long sequence, int unreadCount)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        MemberId = memberId;
        PreviousSequence = previousSequence;
        Sequence = sequence;
        UnreadCount = unreadCount;
    }

    /// <summary>Gets the member who read.</summary>
    public string MemberId { get; }

    /// <summary>Gets the sequence number read up to before.</summary>
    public long PreviousSequence { get; }

    /// <summary>Gets the sequence number now read up to.</summary>
    public long Sequence { get; }

    /// <summary>Gets the member's unread messages in the room now.</summary>
    public int UnreadCount { get; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>A member joined the room.</summary>
public sealed class MemberJoinedEventArgs : ChatRoomEventArgs
{
    internal MemberJoinedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, RoomMember member)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(member);
        Member = member;
    }

    /// <summary>Gets the member.</summary>
    public RoomMember Member { get; }
}

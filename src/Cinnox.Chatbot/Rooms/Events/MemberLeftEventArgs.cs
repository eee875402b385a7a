namespace Cinnox.Chatbot.Rooms;

/// <summary>A member left the room.</summary>
public sealed class MemberLeftEventArgs : ChatRoomEventArgs
{
    internal MemberLeftEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, RoomMember member)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(member);
        Member = member;
    }

    /// <summary>Gets the member.</summary>
    public RoomMember Member { get; }
}

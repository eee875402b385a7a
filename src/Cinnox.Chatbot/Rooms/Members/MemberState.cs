namespace Cinnox.Chatbot.Rooms;

/// <summary>What a room knows about one of its members. Guarded by the room's lock.</summary>
internal sealed class MemberState(RoomMember member, DateTimeOffset joinedAt, long readSequence)
{
    public RoomMember Member { get; set; } = member;

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    /// <summary>The sequence number of the last message read; 0 when none.</summary>
    public long ReadSequence { get; set; } = readSequence;

    public RoomNotificationSetting Setting { get; set; }

    /// <summary>When the room entered the member's Recent Connections by their own doing (handling the enquiry, chatting).</summary>
    public DateTimeOffset? ConnectedAt { get; set; }

    /// <summary>Gets or sets how many messages after the read position are not the member's own and not recalled; kept as events fold.</summary>
    public int Unread { get; set; }
}

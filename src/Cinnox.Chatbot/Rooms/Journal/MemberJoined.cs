namespace Cinnox.Chatbot.Rooms;

/// <summary>A member joined the room.</summary>
public sealed record MemberJoined : RoomEvent
{
    /// <summary>Gets the member.</summary>
    public required RoomMember Member { get; init; }

    /// <summary>Gets the message sequence the newcomer's read position starts at: 0, or the last message when the history counts as read.</summary>
    public long ReadSequence { get; init; }

    /// <summary>Gets a value indicating whether the room entered the member's Recent Connections as they joined (they handle it).</summary>
    public bool Connected { get; init; }
}

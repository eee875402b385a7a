namespace Cinnox.Chatbot.Rooms;

/// <summary>A member's state in a <see cref="RoomSnapshot"/>.</summary>
public sealed record MemberSnapshot
{
    /// <summary>Gets the member.</summary>
    public required RoomMember Member { get; init; }

    /// <summary>Gets when they joined.</summary>
    public required DateTimeOffset JoinedAt { get; init; }

    /// <summary>Gets the message sequence of the last message they read.</summary>
    public long ReadSequence { get; init; }

    /// <summary>Gets their notification setting.</summary>
    public RoomNotificationSetting Setting { get; init; }

    /// <summary>Gets when the room entered their Recent Connections because they handle it.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }
}

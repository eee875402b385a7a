namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Everything one command writes, in one transaction (docs/chat-rooms.md#rooms-that-last): the room's new events, the read-model rows they
/// change, optionally a snapshot, the command's idempotency key, and work items queued with it (such as a chatbot
/// turn queued with the visitor's message).
/// </summary>
public sealed record RoomCommit
{
    /// <summary>Gets the room's id.</summary>
    public required string RoomId { get; init; }

    /// <summary>Gets the version the command saw: the commit is refused unless the room is still at it (0 for a new room).</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>Gets the new events, with sequences <see cref="ExpectedVersion"/> + 1, + 2, … without gaps.</summary>
    public required IReadOnlyList<SerializedRoomEvent> Events { get; init; }

    /// <summary>Gets the room's summary row, as it is after the events.</summary>
    public required RoomRecord Room { get; init; }

    /// <summary>Gets the rows of the room's current members, as they are after the events (upserted).</summary>
    public IReadOnlyList<RoomMemberRecord> Members { get; init; } = [];

    /// <summary>Gets the ids of members who left the room in these events (their rows are deleted).</summary>
    public IReadOnlyList<string> MembersLeft { get; init; } = [];

    /// <summary>Gets the history rows of the messages the events posted or changed, as they are after the events (upserted).</summary>
    public IReadOnlyList<MessageRecord> Messages { get; init; } = [];

    /// <summary>Gets a snapshot to keep as the room's latest, or <see langword="null"/>.</summary>
    public StoredSnapshot? Snapshot { get; init; }

    /// <summary>Gets the command's idempotency key and result, or <see langword="null"/>; a key already used in the room refuses the commit.</summary>
    public IdempotencyRecord? Idempotency { get; init; }

    /// <summary>Gets work queued by the command, committed with it or not at all.</summary>
    public IReadOnlyList<RoomWorkItem> Work { get; init; } = [];
}

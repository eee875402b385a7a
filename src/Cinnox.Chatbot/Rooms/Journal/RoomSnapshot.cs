namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A room's whole state at one version, as data: a room restored from it plus the events after it is the same as
/// one folded from every event (docs/chat-rooms.md#rooms-that-last). Made by <see cref="ChatRoom.CreateSnapshot"/>; restored by
/// <see cref="ChatRoom.Restore(RoomSnapshot?, IEnumerable{RoomEvent}, TimeProvider?)"/>.
/// </summary>
public sealed record RoomSnapshot
{
    /// <summary>The schema version of snapshots written by this version of the library.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the room's id.</summary>
    public required string RoomId { get; init; }

    /// <summary>Gets the room's version: the sequence of the last event folded into the snapshot.</summary>
    public required long Version { get; init; }

    /// <summary>Gets the event that created the room.</summary>
    public required RoomEvent Created { get; init; }

    /// <summary>Gets the members, in the order they joined.</summary>
    public required IReadOnlyList<MemberSnapshot> Members { get; init; }

    /// <summary>Gets the messages, oldest first; a streaming chatbot reply holds its text so far.</summary>
    public required IReadOnlyList<MessageData> Messages { get; init; }

    /// <summary>Gets when someone last chatted in the room.</summary>
    public DateTimeOffset? LastChatAt { get; init; }

    /// <summary>Gets when the room last had any activity.</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    /// <summary>Gets an enquiry's status.</summary>
    public EnquiryStatus? Status { get; init; }

    /// <summary>Gets the agent handling an enquiry.</summary>
    public RoomMember? Agent { get; init; }

    /// <summary>Gets the chatbot answering an enquiry.</summary>
    public RoomMember? Chatbot { get; init; }

    /// <summary>Gets an enquiry's labels.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Gets an enquiry's topics.</summary>
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>Gets an enquiry's visitor information as it is now.</summary>
    public VisitorInformation? VisitorInformation { get; init; }

    /// <summary>Gets a Space's name as it is now.</summary>
    public string? Name { get; init; }

    /// <summary>Gets a Space's description as it is now.</summary>
    public string? Description { get; init; }
}

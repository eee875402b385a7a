using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A change to a room, as data (docs/chat-rooms.md#rooms-that-last): an immutable record with the room's id, a sequence number without gaps
/// within the room, the time and the actor, and a payload in the derived record. It holds no reference to a live
/// room, so it can be stored, sent between processes and replayed: a room is the fold of its events.
/// </summary>
/// <remarks>
/// <para>
/// Each derived record is stored under a stable type name and a schema version (see <see cref="RoomEventSerializer"/>),
/// so events written by an older version still load. Adding an optional property keeps the schema version; changing
/// the meaning of one adds a new version and an upgrade step in the serializer.
/// </para>
/// <para>The first event of a room (<see cref="Sequence"/> 1) is always a creation event such as <see cref="SpaceCreated"/>.</para>
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(SpaceCreated), nameof(SpaceCreated))]
[JsonDerivedType(typeof(DirectRoomOpened), nameof(DirectRoomOpened))]
[JsonDerivedType(typeof(ConferenceCreated), nameof(ConferenceCreated))]
[JsonDerivedType(typeof(EnquiryOpened), nameof(EnquiryOpened))]
[JsonDerivedType(typeof(MemberJoined), nameof(MemberJoined))]
[JsonDerivedType(typeof(MemberLeft), nameof(MemberLeft))]
[JsonDerivedType(typeof(MemberConnected), nameof(MemberConnected))]
[JsonDerivedType(typeof(MessagePosted), nameof(MessagePosted))]
[JsonDerivedType(typeof(MessageEdited), nameof(MessageEdited))]
[JsonDerivedType(typeof(MessageRecalled), nameof(MessageRecalled))]
[JsonDerivedType(typeof(MessagePreviewAttached), nameof(MessagePreviewAttached))]
[JsonDerivedType(typeof(NotificationSettingChanged), nameof(NotificationSettingChanged))]
[JsonDerivedType(typeof(ReadPositionMoved), nameof(ReadPositionMoved))]
[JsonDerivedType(typeof(ChatbotReplyDeltaAppended), nameof(ChatbotReplyDeltaAppended))]
[JsonDerivedType(typeof(ChatbotReplyTextReplaced), nameof(ChatbotReplyTextReplaced))]
[JsonDerivedType(typeof(ChatbotReplyCompleted), nameof(ChatbotReplyCompleted))]
[JsonDerivedType(typeof(VisitorInformationChanged), nameof(VisitorInformationChanged))]
[JsonDerivedType(typeof(EnquiryClassified), nameof(EnquiryClassified))]
[JsonDerivedType(typeof(EnquiryTransferred), nameof(EnquiryTransferred))]
[JsonDerivedType(typeof(EnquiryAccepted), nameof(EnquiryAccepted))]
[JsonDerivedType(typeof(EnquiryClosed), nameof(EnquiryClosed))]
[JsonDerivedType(typeof(ChatbotAssigned), nameof(ChatbotAssigned))]
[JsonDerivedType(typeof(SpaceDetailsChanged), nameof(SpaceDetailsChanged))]
public abstract record RoomEvent
{
    /// <summary>Gets the id of the room the event belongs to.</summary>
    public required string RoomId { get; init; }

    /// <summary>Gets the event's position in its room: 1 for the first event, then one more for each event, without gaps. Also the room's version once the event is applied.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets when the change happened, on the room's clock.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the id of the member (or the platform bot) who made the change, or <see langword="null"/> when the platform made it on its own.</summary>
    [JsonPropertyOrder(-1)]
    public string? ActorId { get; init; }
}

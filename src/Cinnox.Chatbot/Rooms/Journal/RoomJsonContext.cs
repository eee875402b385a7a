using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Rooms;

/// <summary>Source-generated JSON metadata for stored room events and snapshots (no reflection, trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(RoomEvent))]
[JsonSerializable(typeof(SpaceCreated))]
[JsonSerializable(typeof(DirectRoomOpened))]
[JsonSerializable(typeof(ConferenceCreated))]
[JsonSerializable(typeof(EnquiryOpened))]
[JsonSerializable(typeof(MemberJoined))]
[JsonSerializable(typeof(MemberLeft))]
[JsonSerializable(typeof(MemberConnected))]
[JsonSerializable(typeof(MessagePosted))]
[JsonSerializable(typeof(MessageEdited))]
[JsonSerializable(typeof(MessageRecalled))]
[JsonSerializable(typeof(MessagePreviewAttached))]
[JsonSerializable(typeof(NotificationSettingChanged))]
[JsonSerializable(typeof(ReadPositionMoved))]
[JsonSerializable(typeof(ChatbotReplyDeltaAppended))]
[JsonSerializable(typeof(ChatbotReplyTextReplaced))]
[JsonSerializable(typeof(ChatbotReplyCompleted))]
[JsonSerializable(typeof(VisitorInformationChanged))]
[JsonSerializable(typeof(EnquiryClassified))]
[JsonSerializable(typeof(EnquiryTransferred))]
[JsonSerializable(typeof(EnquiryAccepted))]
[JsonSerializable(typeof(EnquiryClosed))]
[JsonSerializable(typeof(ChatbotAssigned))]
[JsonSerializable(typeof(SpaceDetailsChanged))]
[JsonSerializable(typeof(RoomSnapshot))]
internal sealed partial class RoomJsonContext : JsonSerializerContext;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>One member's view of one room (a read model): unread count, read position, setting, and place in Recent Connections.</summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="MemberId">The member's id.</param>
/// <param name="Kind">The kind of room.</param>
/// <param name="Title">The room's title (see <see cref="RoomRecord.Title"/>).</param>
/// <param name="UnreadCount">Messages after the member's read position that are not their own and not recalled.</param>
/// <param name="ReadSequence">The message sequence of the last message they read.</param>
/// <param name="Setting">Their notification setting.</param>
/// <param name="LastActivityAt">The time the room sorts by in their Recent Connections, or <see langword="null"/> while it is not among them.</param>
public sealed record RoomMemberRecord(
    string RoomId, string MemberId, RoomKind Kind, string Title, int UnreadCount, long ReadSequence, RoomNotificationSetting Setting, DateTimeOffset? LastActivityAt);

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A member's unread-rooms badge and Recent Connections, read from the read models.</summary>
/// <param name="MemberId">The member's id.</param>
/// <param name="UnreadRoomCount">The badge: how many of the member's rooms have at least one unread message (muted rooms included).</param>
/// <param name="Rooms">The member's rooms with unread messages or in Recent Connections, most recent activity first.</param>
public sealed record MemberInbox(string MemberId, int UnreadRoomCount, IReadOnlyList<RoomMemberRecord> Rooms);

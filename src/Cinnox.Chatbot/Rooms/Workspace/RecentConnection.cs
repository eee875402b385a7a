namespace Cinnox.Chatbot.Rooms;

/// <summary>One room in a member's Recent Connections: when it was last active and how many messages the member has not read.</summary>
/// <param name="Room">The room.</param>
/// <param name="LastActivityAt">The room's most recent activity: its last message, or when the member started handling it if later.</param>
/// <param name="UnreadCount">The member's unread messages in the room (the room's unread messages badge).</param>
/// <param name="NotificationSetting">The member's notification setting for the room.</param>
public sealed record RecentConnection(ChatRoom Room, DateTimeOffset LastActivityAt, int UnreadCount, RoomNotificationSetting NotificationSetting)
{
    /// <summary>Gets a value indicating whether the room has unread messages: it shows a badge and counts in the unread rooms badge, muted or not.</summary>
    public bool HasUnread => UnreadCount > 0;

    /// <summary>Gets a value indicating whether the member muted the room.</summary>
    public bool IsMuted => NotificationSetting == RoomNotificationSetting.Muted;
}

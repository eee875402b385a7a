namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A member's notification setting for one room (docs/chat-rooms.md#notifications-and-badges). Enquiry, direct and conference rooms are either on
/// (<see cref="All"/>) or <see cref="Muted"/>; Space rooms also offer <see cref="MentionsOnly"/>.
/// </summary>
public enum RoomNotificationSetting
{
    /// <summary>Notify of every new message (not muted). The default.</summary>
    All = 0,

    /// <summary>Notify only of messages that mention the member or <c>@all</c>. Space rooms only.</summary>
    MentionsOnly = 1,

    /// <summary>Notify of nothing. Unread badges still count the room: mute silences notifications, not badges.</summary>
    Muted = 2,
}

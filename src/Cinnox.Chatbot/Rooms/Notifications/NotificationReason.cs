namespace Cinnox.Chatbot.Rooms;

/// <summary>Why a member is or is not notified of a message (<see cref="NotificationDecision"/>).</summary>
public enum NotificationReason
{
    /// <summary>Notified: a new message in a room that is not muted.</summary>
    NewMessage = 0,

    /// <summary>Notified: the message mentions the member or <c>@all</c>.</summary>
    Mentioned = 1,

    /// <summary>Not notified: the member sent the message.</summary>
    OwnMessage = 2,

    /// <summary>Not notified: the member muted the room.</summary>
    Muted = 3,

    /// <summary>Not notified: the room is on "@mentions only" and the message mentions neither the member nor <c>@all</c>.</summary>
    NotMentioned = 4,

    /// <summary>Not notified: the message was recalled.</summary>
    Recalled = 5,

    /// <summary>Not notified: the member is not in the room.</summary>
    NotAMember = 6,

    /// <summary>Not notified: bots are never notified.</summary>
    Bot = 7,
}

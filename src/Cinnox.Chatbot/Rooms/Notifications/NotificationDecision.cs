namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Whether a member is notified of a message, and why (docs/chat-rooms.md#notifications-and-badges): a member is notified unless the message is their
/// own, the room is muted, or the room is on "@mentions only" and the message mentions neither them nor <c>@all</c>.
/// </summary>
/// <param name="Notify">Whether the member is notified.</param>
/// <param name="Reason">Why.</param>
public readonly record struct NotificationDecision(bool Notify, NotificationReason Reason);

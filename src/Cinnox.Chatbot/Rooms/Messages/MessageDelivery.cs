namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// What posting or editing a message did: the message as stored, who is notified of it, and the mentions that
/// matched no member of the room (plain text, nobody notified).
/// </summary>
/// <param name="Message">The message as stored in the room.</param>
/// <param name="NotifiedMemberIds">
/// The members notified (docs/chat-rooms.md#notifications-and-badges): for a new message, every member the notification decision lets through;
/// for an edit, only the members it newly mentions. Bots are never notified.
/// </param>
/// <param name="UnmatchedMentions">
/// The <c>@Name</c> words and member ids that matched no member of the room, as written (without the <c>@</c>).
/// </param>
public sealed record MessageDelivery(RoomMessage Message, IReadOnlyList<string> NotifiedMemberIds, IReadOnlyList<string> UnmatchedMentions);

namespace Cinnox.Chatbot.Rooms;

/// <summary>Where a forwarded message came from: the room, the message and its original sender (docs/chat-rooms.md#chat-functions).</summary>
/// <param name="RoomId">The room of the original message.</param>
/// <param name="MessageId">The original message.</param>
/// <param name="OriginalSender">Who sent the original message.</param>
/// <param name="OriginalSentAt">When the original message was sent.</param>
public sealed record ForwardOrigin(string RoomId, string MessageId, RoomMember OriginalSender, DateTimeOffset OriginalSentAt);

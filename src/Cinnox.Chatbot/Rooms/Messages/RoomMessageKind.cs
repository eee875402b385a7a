namespace Cinnox.Chatbot.Rooms;

/// <summary>What a <see cref="RoomMessage"/> holds; the kind of its <see cref="RoomMessage.Content"/>.</summary>
public enum RoomMessageKind
{
    /// <summary>Text (<see cref="TextMessageContent"/>).</summary>
    Text = 0,

    /// <summary>An image, video, document or voice message (<see cref="FileMessageContent"/>).</summary>
    File = 1,

    /// <summary>An SMS sent to a phone number (<see cref="SmsMessageContent"/>).</summary>
    Sms = 2,

    /// <summary>A message of the platform bot (<see cref="SystemMessageContent"/>).</summary>
    System = 3,

    /// <summary>A chatbot's reply, text or advanced (<see cref="ChatbotReplyContent"/>).</summary>
    ChatbotReply = 4,

    /// <summary>The tombstone of a recalled message (<see cref="RecalledMessageContent"/>).</summary>
    Recalled = 5,
}

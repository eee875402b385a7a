namespace Cinnox.Chatbot.Rooms;

/// <summary>The text of a chatbot reply that is streaming was replaced as a whole.</summary>
public sealed class ChatbotReplyTextReplacedEventArgs : ChatRoomEventArgs
{
    internal ChatbotReplyTextReplacedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, string messageId, string text)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(text);
        MessageId = messageId;
        Text = text;
    }

    /// <summary>Gets the id of the reply message.</summary>
    public string MessageId { get; }

    /// <summary>Gets the whole text now.</summary>
    public string Text { get; }
}

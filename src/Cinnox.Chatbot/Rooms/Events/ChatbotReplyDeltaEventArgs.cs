namespace Cinnox.Chatbot.Rooms;

/// <summary>Text was appended to a chatbot reply that is streaming. Only the new text is carried; <see cref="ChatRoom.GetMessage"/> gives the whole message.</summary>
public sealed class ChatbotReplyDeltaEventArgs : ChatRoomEventArgs
{
    internal ChatbotReplyDeltaEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, string messageId, string delta)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(delta);
        MessageId = messageId;
        Delta = delta;
    }

    /// <summary>Gets the id of the reply message.</summary>
    public string MessageId { get; }

    /// <summary>Gets the text appended.</summary>
    public string Delta { get; }
}

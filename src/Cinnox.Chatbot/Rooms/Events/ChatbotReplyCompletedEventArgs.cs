namespace Cinnox.Chatbot.Rooms;

/// <summary>A chatbot reply ended: completed, or incomplete with the text that arrived. The message holds its final content.</summary>
public sealed class ChatbotReplyCompletedEventArgs : ChatRoomEventArgs
{
    internal ChatbotReplyCompletedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, RoomMessage message, ChatbotReply reply)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        Message = message;
        Reply = reply;
    }

    /// <summary>Gets the reply message in its final state.</summary>
    public RoomMessage Message { get; }

    /// <summary>Gets the reply as the client returned it: outcome, warnings, timings.</summary>
    public ChatbotReply Reply { get; }
}

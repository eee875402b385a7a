namespace Cinnox.Chatbot.Rooms;

/// <summary>Something in a chatbot reply was skipped or refused without ending it, such as a transfer the destination does not allow.</summary>
public sealed class ChatbotWarningEventArgs : ChatRoomEventArgs
{
    internal ChatbotWarningEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, ChatbotWarning warning)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(warning);
        Warning = warning;
    }

    /// <summary>Gets the warning.</summary>
    public ChatbotWarning Warning { get; }
}

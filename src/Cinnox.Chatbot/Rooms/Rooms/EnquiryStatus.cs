namespace Cinnox.Chatbot.Rooms;

/// <summary>Who handles an enquiry now.</summary>
public enum EnquiryStatus
{
    /// <summary>A chatbot answers the visitor.</summary>
    WithChatbot = 0,

    /// <summary>The enquiry waits for a live agent to take it (after a transfer, or when no chatbot handles it).</summary>
    WaitingForAgent = 1,

    /// <summary>A staff member handles the enquiry.</summary>
    WithAgent = 2,

    /// <summary>The enquiry is closed; nothing more can be posted in it.</summary>
    Closed = 3,
}

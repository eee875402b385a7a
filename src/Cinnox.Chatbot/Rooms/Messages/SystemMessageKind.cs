namespace Cinnox.Chatbot.Rooms;

/// <summary>Why the platform bot posted a <see cref="SystemMessageContent"/>.</summary>
public enum SystemMessageKind
{
    /// <summary>Anything else the platform tells the room.</summary>
    Notice = 0,

    /// <summary>An enquiry started: its channel, the visitor form's fields and the UTM information.</summary>
    EnquiryOpened = 1,

    /// <summary>The enquiry was transferred to a live agent and waits for one.</summary>
    EnquiryTransferred = 2,

    /// <summary>A staff member took the enquiry.</summary>
    AgentJoined = 3,

    /// <summary>The enquiry was closed.</summary>
    EnquiryClosed = 4,

    /// <summary>The chatbot's reply failed before any text arrived.</summary>
    ChatbotFailed = 5,
}

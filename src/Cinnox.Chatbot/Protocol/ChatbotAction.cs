namespace Cinnox.Chatbot;

/// <summary>
/// What a reply asks the platform to do besides showing text (docs/protocol.md#text-message).
/// </summary>
public enum ChatbotAction
{
    /// <summary>Nothing: the text is shown as it is.</summary>
    None = 0,

    /// <summary><c>DIRECT_TRANSFER</c>: hand the enquiry to a live agent (only when the destination allows transfer).</summary>
    DirectTransfer = 1,

    /// <summary><c>CLOSE_ENQUIRY</c>: close the enquiry.</summary>
    CloseEnquiry = 2,
}

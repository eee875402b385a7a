namespace Cinnox.Chatbot;

/// <summary>
/// The action keywords a text message or a postback button may carry instead of text (docs/protocol.md#text-message).
/// </summary>
/// <remarks>
/// A text is a keyword when, after trimming white space, it equals one of these exactly (ordinal,
/// case-sensitive). Anything else, such as <c>direct_transfer</c> or <c>Please DIRECT_TRANSFER</c>, is plain text.
/// </remarks>
public static class ChatbotKeywords
{
    /// <summary>The keyword that transfers the enquiry to a live agent.</summary>
    public const string DirectTransfer = "DIRECT_TRANSFER";

    /// <summary>The keyword that closes the enquiry.</summary>
    public const string CloseEnquiry = "CLOSE_ENQUIRY";

    /// <summary>Gets the action a text stands for.</summary>
    /// <param name="text">The text of a message or the postback text of a button.</param>
    /// <returns>The action, or <see cref="ChatbotAction.None"/> when the text is not exactly a keyword.</returns>
    public static ChatbotAction GetAction(string? text) => text is null ? ChatbotAction.None : GetAction(text.AsSpan());

    /// <summary>Gets the action a text stands for.</summary>
    /// <param name="text">The text of a message or the postback text of a button.</param>
    /// <returns>The action, or <see cref="ChatbotAction.None"/> when the text is not exactly a keyword.</returns>
    public static ChatbotAction GetAction(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (trimmed.SequenceEqual(DirectTransfer))
        {
            return ChatbotAction.DirectTransfer;
        }

        return trimmed.SequenceEqual(CloseEnquiry) ? ChatbotAction.CloseEnquiry : ChatbotAction.None;
    }

    /// <summary>Gets the keyword for an action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The keyword text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is <see cref="ChatbotAction.None"/> or undefined.</exception>
    public static string GetKeyword(ChatbotAction action) => action switch
    {
        ChatbotAction.DirectTransfer => DirectTransfer,
        ChatbotAction.CloseEnquiry => CloseEnquiry,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Only DirectTransfer and CloseEnquiry have a keyword."),
    };
}

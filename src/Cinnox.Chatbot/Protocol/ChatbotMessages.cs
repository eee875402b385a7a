namespace Cinnox.Chatbot;

/// <summary>
/// Creates chatbot messages that are valid by construction (docs/protocol.md#reply-messages).
/// </summary>
public static class ChatbotMessages
{
    /// <summary>Creates a text message.</summary>
    /// <param name="text">The text to show; not empty or white space.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ChatbotValidationException"><paramref name="text"/> is null, empty or white space.</exception>
    public static ChatbotTextMessage Text(string text)
    {
        var message = new ChatbotTextMessage(text!);
        ChatbotMessageValidator.EnsureValid(message);
        return message;
    }

    /// <summary>Creates the text message <c>DIRECT_TRANSFER</c>, which transfers the enquiry to a live agent.</summary>
    /// <returns>The message.</returns>
    public static ChatbotTextMessage DirectTransfer() => new(ChatbotKeywords.DirectTransfer);

    /// <summary>Creates the text message <c>CLOSE_ENQUIRY</c>, which closes the enquiry.</summary>
    /// <returns>The message.</returns>
    public static ChatbotTextMessage CloseEnquiry() => new(ChatbotKeywords.CloseEnquiry);

    /// <summary>Composes an advanced message with a builder; every rule is checked as the parts are added.</summary>
    /// <param name="build">Adds the containers.</param>
    /// <returns>The message, valid by construction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">A part breaks a rule of an advanced message (docs/protocol.md#advanced-message); the exception names the rule and the JSON path.</exception>
    public static ChatbotAdvancedMessage Advanced(Action<AdvancedMessageBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var builder = new AdvancedMessageBuilder();
        build(builder);
        return builder.Build();
    }
}

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Makes the replies a chatbot handler returns (docs/protocol.md). Every message is checked when it is made, so an
/// invalid one throws <see cref="ChatbotValidationException"/> inside the handler and nothing is written: the
/// platform gets a 500 problem instead.
/// </summary>
/// <example>
/// <code>
/// app.MapCinnoxChatbot("/chatbot", context => context.Query switch
/// {
///     "agent" => ChatbotReplies.DirectTransfer(),
///     "bye" => ChatbotReplies.CloseEnquiry(),
///     _ => ChatbotReplies.Stream(Words($"You said: {context.Query}", context.CancellationToken)),
/// });
///
/// static async IAsyncEnumerable&lt;string&gt; Words(string text, [EnumeratorCancellation] CancellationToken cancellationToken)
/// {
///     foreach (var word in text.Split(' '))
///     {
///         await Task.Delay(50, cancellationToken);
///         yield return word + " ";
///     }
/// }
/// </code>
/// To serve a language model, map an <c>IChatClient</c> instead:
/// <c>app.MapCinnoxChatbot("/chatbot", chatClient)</c>.
/// </example>
public static class ChatbotReplies
{
    /// <summary>Replies with a text message (<c>type: 1</c>), written as JSON.</summary>
    /// <param name="text">The text to show; not empty or white space.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ChatbotValidationException"><paramref name="text"/> is null, empty or white space.</exception>
    public static ChatbotServerReply Text(string text) => ChatbotServerReply.FromMessage(ChatbotMessages.Text(text));

    /// <summary>Replies <c>DIRECT_TRANSFER</c>: the platform transfers the enquiry to a live agent, when it is set up to.</summary>
    /// <returns>The reply.</returns>
    public static ChatbotServerReply DirectTransfer() => ChatbotServerReply.FromMessage(ChatbotMessages.DirectTransfer());

    /// <summary>Replies <c>CLOSE_ENQUIRY</c>: the platform closes the enquiry.</summary>
    /// <returns>The reply.</returns>
    public static ChatbotServerReply CloseEnquiry() => ChatbotServerReply.FromMessage(ChatbotMessages.CloseEnquiry());

    /// <summary>Replies with an advanced message (<c>type: 5</c>) composed with a builder; always written as JSON.</summary>
    /// <param name="build">Adds the containers: bubbles, carousels, quick replies, lists.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">A part breaks a rule of an advanced message (docs/protocol.md#advanced-message); the exception names the rule and the JSON path.</exception>
    public static ChatbotServerReply Advanced(Action<AdvancedMessageBuilder> build) => ChatbotServerReply.FromMessage(ChatbotMessages.Advanced(build));

    /// <summary>Replies with a message made elsewhere, after checking every rule; always written as JSON.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">The message breaks a rule or holds a type this SDK does not know.</exception>
    public static ChatbotServerReply Message(ChatbotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ChatbotServerReply.FromMessage(message);
    }

    /// <summary>
    /// Replies with text produced piece by piece, such as an LLM's tokens. When the platform accepts
    /// <c>text/event-stream</c>, each piece is sent as a <c>delta</c> event as soon as it is produced; otherwise the
    /// pieces are collected and sent as one JSON text message.
    /// </summary>
    /// <param name="textStream">
    /// The pieces of text. Enumerated once, with <see cref="ChatbotRequestContext.CancellationToken"/>; empty pieces
    /// are skipped. The whole text must not be empty or white space.
    /// </param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="textStream"/> is null.</exception>
    /// <remarks>
    /// The toolkit keeps the stream within the limits: a piece larger than one event is split across events, a
    /// stream that reaches the response limit or outlasts the time budget is ended early, cleanly, and logged.
    /// When the stream throws before any text was written the platform gets a 500 problem; after, the events written
    /// so far are sent and the response is closed unfinished, so the platform sees the reply as interrupted rather
    /// than complete and keeps its text.
    /// </remarks>
    public static ChatbotServerReply Stream(IAsyncEnumerable<string> textStream)
    {
        ArgumentNullException.ThrowIfNull(textStream);
        return ChatbotServerReply.FromStream(textStream);
    }
}

namespace Cinnox.Chatbot;

/// <summary>
/// The result of one call to a chatbot: the final message, what it asks the platform to do, and how the
/// reply ended (docs/protocol.md). A reply that did not complete keeps whatever text arrived.
/// </summary>
public sealed class ChatbotReply
{
    private ChatbotAction? _keyword;

    /// <summary>Gets how the reply ended.</summary>
    public required ChatbotOutcome Outcome { get; init; }

    /// <summary>
    /// Gets the final message: a <see cref="ChatbotTextMessage"/> holding the final (or partial) text, a
    /// <see cref="ChatbotAdvancedMessage"/>, or <see langword="null"/> when nothing usable arrived.
    /// </summary>
    public ChatbotMessage? Message { get; init; }

    /// <summary>Gets the final text, or the partial text of a reply that did not complete; empty when there is none.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>
    /// Gets the action the reply asks for: <see cref="ChatbotAction.DirectTransfer"/> or
    /// <see cref="ChatbotAction.CloseEnquiry"/> when the complete final text is that keyword.
    /// </summary>
    /// <remarks>
    /// Only a <see cref="ChatbotOutcome.Completed"/> reply carries an action: a keyword cut short is just text. A
    /// <c>DIRECT_TRANSFER</c> reply from a destination whose <see cref="ChatbotDestination.TransferToLiveAgent"/> is off
    /// has no action (the enquiry stays with the chatbot, docs/protocol.md#text-message) and a <see cref="ChatbotWarningCodes.TransferNotEnabled"/>
    /// warning; <see cref="Text"/> and <see cref="Message"/> still hold the keyword as received, so it is not shown as an answer
    /// by a consumer that checks for the warning or the keyword.
    /// </remarks>
    public ChatbotAction Action { get; init; }

    /// <summary>
    /// Gets the action keyword the reply's text is, whether or not the destination lets it act: what
    /// <see cref="Action"/> would be if every action were allowed.
    /// </summary>
    /// <value>
    /// The keyword's action when the reply is <see cref="ChatbotOutcome.Completed"/> and its whole final text is a keyword;
    /// otherwise <see cref="ChatbotAction.None"/>. When not set, the same as <see cref="Action"/>.
    /// </value>
    /// <remarks>
    /// <see cref="Action"/> says what to do; this says what not to show. A reply whose keyword is not
    /// <see cref="ChatbotAction.None"/> carries an instruction, not an answer, even when <see cref="Action"/> is
    /// <see cref="ChatbotAction.None"/> because the destination does not allow it (see <see cref="IsActionRefused"/>).
    /// </remarks>
    public ChatbotAction Keyword
    {
        get => _keyword ?? Action;
        init => _keyword = value;
    }

    /// <summary>
    /// Gets a value indicating whether the reply asked for an action the destination does not allow: a
    /// <c>DIRECT_TRANSFER</c> while <see cref="ChatbotDestination.TransferToLiveAgent"/> is off. The reply then has a
    /// <see cref="ChatbotWarningCodes.TransferNotEnabled"/> warning and the enquiry stays with the chatbot.
    /// </summary>
    public bool IsActionRefused => Keyword != ChatbotAction.None && Action != Keyword;

    /// <summary>Gets a value indicating whether the reply arrived as a Server-Sent-Events stream.</summary>
    public bool Streamed { get; init; }

    /// <summary>Gets the HTTP status code, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets what was skipped, ignored or not understood along the way.</summary>
    public IReadOnlyList<ChatbotWarning> Warnings { get; init; } = [];

    /// <summary>Gets how long the parts of the reply took.</summary>
    public ChatbotTimings Timings { get; init; }

    /// <summary>Gets the number of body bytes read, comments and white space included.</summary>
    public long BytesRead { get; init; }

    /// <summary>Gets a sentence saying why the reply did not complete, or <see langword="null"/> when it did.</summary>
    public string? FailureReason { get; init; }

    /// <summary>
    /// Gets the start of the body of an <see cref="ChatbotOutcome.HttpError"/> reply — at most
    /// <see cref="ChatbotClient.MaxErrorBodyExcerptBytes"/> bytes, never ending in a cut character — or <see langword="null"/>.
    /// </summary>
    public string? ErrorBodyExcerpt { get; init; }

    /// <summary>
    /// Gets the <c>Location</c> a bot answered with when it redirected the request (a 3xx
    /// <see cref="ChatbotOutcome.HttpError"/> reply, or a redirect that was refused), as received and shortened to at most
    /// <see cref="ChatbotClient.MaxRedirectLocationLength"/> characters, or <see langword="null"/>. It is kept for diagnosis
    /// only: the client never follows it (see <see cref="ChatbotDestination.FollowSameOriginRedirects"/>).
    /// </summary>
    public string? RedirectLocation { get; init; }

    /// <summary>Gets a value indicating whether the reply completed normally.</summary>
    public bool IsCompleted => Outcome == ChatbotOutcome.Completed;

    /// <summary>Gets a value indicating whether the reply did not complete but some text arrived before it ended.</summary>
    public bool IsPartial => Outcome != ChatbotOutcome.Completed && Text.Length > 0;

    /// <summary>
    /// Creates the reply of a stream of updates that ended without its final reply (a client that stops early): the
    /// text that arrived, as a text message when there is any, with the outcome <see cref="ChatbotOutcome.Interrupted"/>
    /// and no action. Status code and timings are unknown. <see cref="ChatbotClientExtensions.ToReplyAsync"/> folds
    /// such a stream into this reply.
    /// </summary>
    /// <param name="text">The text folded from the updates that arrived.</param>
    /// <param name="failureReason">Why the reply did not complete, for <see cref="FailureReason"/>.</param>
    /// <param name="warnings">The warnings that arrived, if any.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="failureReason"/> is null.</exception>
    public static ChatbotReply Interrupted(string text, string failureReason, IReadOnlyList<ChatbotWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(failureReason);
        return new ChatbotReply
        {
            Outcome = ChatbotOutcome.Interrupted,
            Message = text.Length > 0 ? new ChatbotTextMessage(text) : null,
            Text = text,
            Streamed = true,
            Warnings = warnings ?? [],
            FailureReason = failureReason,
        };
    }
}

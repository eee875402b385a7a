namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A chatbot's reply in an enquiry room: text that grows as deltas arrive, or an advanced message (bubbles,
/// carousels, quick replies, lists), and how the reply ended.
/// </summary>
public sealed class ChatbotReplyContent : RoomMessageContent
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="text">The text so far, or the final text; empty for an advanced message.</param>
    /// <param name="message">The protocol message once known (text or advanced), or <see langword="null"/> while streaming.</param>
    /// <param name="state">Where the reply is in its life.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ChatbotReplyContent(string text, ChatbotMessage? message, ChatbotReplyState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Message = message;
        State = state;
    }

    /// <summary>Gets the text so far, or the final text; empty for an advanced message.</summary>
    public string Text { get; }

    /// <summary>
    /// Gets the protocol message: a <see cref="ChatbotTextMessage"/> or a <see cref="ChatbotAdvancedMessage"/>
    /// once the reply has ended, <see langword="null"/> while it streams. Treat it as read-only.
    /// </summary>
    public ChatbotMessage? Message { get; }

    /// <summary>Gets the advanced message, when the reply is one.</summary>
    public ChatbotAdvancedMessage? AdvancedMessage => Message as ChatbotAdvancedMessage;

    /// <summary>Gets where the reply is in its life.</summary>
    public ChatbotReplyState State { get; }

    /// <summary>Gets how the reply ended, or <see langword="null"/> while it streams.</summary>
    public ChatbotOutcome? Outcome { get; init; }

    /// <summary>Gets why the reply did not complete, or <see langword="null"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets a value indicating whether the reply arrived as a stream of deltas.</summary>
    public bool Streamed { get; init; }

    /// <summary>Gets a value indicating whether the reply ended early and its text is partial.</summary>
    public bool IsIncomplete => State == ChatbotReplyState.Incomplete;

    /// <inheritdoc />
    public override RoomMessageKind Kind => RoomMessageKind.ChatbotReply;

    /// <inheritdoc />
    public override string ToPlainText() => AdvancedMessage is { } advanced ? AdvancedMessageText.ToPlainText(advanced) : Text;
}

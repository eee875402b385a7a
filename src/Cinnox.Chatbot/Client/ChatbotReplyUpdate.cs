namespace Cinnox.Chatbot;

/// <summary>
/// One step of a streamed reply: text as it arrives, a warning, and finally the whole <see cref="ChatbotReply"/>.
/// </summary>
/// <remarks>
/// Updates carry only what changed, never the whole text so far, so following a long stream costs time in
/// proportion to its length. <see cref="ChatbotClientExtensions.ToReplyAsync"/> folds them into the reply.
/// </remarks>
public sealed class ChatbotReplyUpdate
{
    private ChatbotReplyUpdate(ChatbotReplyUpdateKind kind, string text, ChatbotWarning? warning, ChatbotReply? reply)
    {
        Kind = kind;
        Text = text;
        Warning = warning;
        Reply = reply;
    }

    /// <summary>Gets what this update carries.</summary>
    public ChatbotReplyUpdateKind Kind { get; }

    /// <summary>
    /// Gets the text to append (<see cref="ChatbotReplyUpdateKind.Delta"/>), or the text that replaces what came
    /// before (<see cref="ChatbotReplyUpdateKind.Replace"/>); empty for other kinds.
    /// </summary>
    public string Text { get; }

    /// <summary>Gets the warning of a <see cref="ChatbotReplyUpdateKind.Warning"/> update.</summary>
    public ChatbotWarning? Warning { get; }

    /// <summary>Gets the final reply of the <see cref="ChatbotReplyUpdateKind.Completed"/> update.</summary>
    public ChatbotReply? Reply { get; }

    /// <summary>Creates an update that appends text.</summary>
    /// <param name="text">The text to append.</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ChatbotReplyUpdate Delta(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(ChatbotReplyUpdateKind.Delta, text, null, null);
    }

    /// <summary>Creates an update that replaces the text accumulated so far.</summary>
    /// <param name="text">The whole text.</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ChatbotReplyUpdate Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(ChatbotReplyUpdateKind.Replace, text, null, null);
    }

    /// <summary>Creates an update that reports a warning.</summary>
    /// <param name="warning">The warning.</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warning"/> is null.</exception>
    public static ChatbotReplyUpdate ForWarning(ChatbotWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new(ChatbotReplyUpdateKind.Warning, string.Empty, warning, null);
    }

    /// <summary>Creates the final update.</summary>
    /// <param name="reply">The final reply.</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public static ChatbotReplyUpdate Completed(ChatbotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new(ChatbotReplyUpdateKind.Completed, string.Empty, null, reply);
    }
}

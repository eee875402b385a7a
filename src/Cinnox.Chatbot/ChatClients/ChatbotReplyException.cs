namespace Cinnox.Chatbot;

/// <summary>
/// Thrown by a CINNOX bot seen as an <c>IChatClient</c> (<c>IChatbotClient.AsIChatClient()</c>) when the reply
/// ended without anything to show: an HTTP error, an invalid body, an unreachable bot, or any other outcome but
/// <see cref="ChatbotOutcome.Completed"/> before text arrived.
/// </summary>
/// <remarks>
/// A reply that failed after some text arrived is not an exception: the response carries the partial text, a finish
/// reason from <see cref="ChatbotFinishReasons.Of"/>, and the outcome under <see cref="ChatbotChatKeys.Outcome"/>.
/// </remarks>
public sealed class ChatbotReplyException : Exception
{
    /// <summary>Initializes a new instance for a reply that failed.</summary>
    /// <param name="reply">The reply.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public ChatbotReplyException(ChatbotReply reply)
        : base(Describe(reply))
    {
        Reply = reply;
    }

    /// <summary>Initializes a new instance with a default message and no reply.</summary>
    public ChatbotReplyException()
        : this("The chatbot's reply ended without text.")
    {
    }

    /// <summary>Initializes a new instance with a message of its own and no reply.</summary>
    /// <param name="message">The description of the problem.</param>
    public ChatbotReplyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception, and no reply.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="innerException">The cause.</param>
    public ChatbotReplyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the reply that failed, with its outcome, status code and warnings; <see langword="null"/> when none was given.</summary>
    public ChatbotReply? Reply { get; }

    private static string Describe(ChatbotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var status = reply.StatusCode is { } code ? $" (HTTP {code})" : string.Empty;
        return $"The chatbot's reply ended as {reply.Outcome}{status} without text: {reply.FailureReason ?? "no text arrived"}";
    }
}

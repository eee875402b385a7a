using System.Globalization;

namespace Cinnox.Chatbot;

/// <summary>
/// Thrown by <see cref="LimitedReadStream"/> when a reply breaks one of its size limits (docs/protocol.md#limits). The client
/// turns it into <see cref="ChatbotOutcome.EventTooLarge"/> or <see cref="ChatbotOutcome.ResponseTooLarge"/>.
/// </summary>
internal sealed class ChatbotLimitExceededException : Exception
{
    public ChatbotLimitExceededException(ChatbotOutcome outcome, long limit)
        : base(Describe(outcome, limit))
    {
        Outcome = outcome;
        Limit = limit;
    }

    public ChatbotLimitExceededException()
        : this(ChatbotOutcome.ResponseTooLarge, 0)
    {
    }

    public ChatbotLimitExceededException(string message)
        : base(message)
    {
        Outcome = ChatbotOutcome.ResponseTooLarge;
    }

    public ChatbotLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        Outcome = ChatbotOutcome.ResponseTooLarge;
    }

    /// <summary>Gets <see cref="ChatbotOutcome.EventTooLarge"/> or <see cref="ChatbotOutcome.ResponseTooLarge"/>.</summary>
    public ChatbotOutcome Outcome { get; }

    /// <summary>Gets the limit that was broken, in bytes.</summary>
    public long Limit { get; }

    private static string Describe(ChatbotOutcome outcome, long limit) => outcome == ChatbotOutcome.EventTooLarge
        ? string.Create(CultureInfo.InvariantCulture, $"A streamed event exceeded the limit of {limit:N0} bytes per event; reading stopped before it was applied.")
        : string.Create(CultureInfo.InvariantCulture, $"The response exceeded the limit of {limit:N0} bytes per response; reading stopped there.");
}

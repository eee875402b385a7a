namespace Cinnox.Chatbot;

/// <summary>
/// How a reply ended (docs/protocol.md#outcomes). Every reply ends with exactly one outcome.
/// </summary>
public enum ChatbotOutcome
{
    /// <summary>The reply ended normally.</summary>
    Completed = 0,

    /// <summary>The connection broke, or the caller cancelled, after the reply had started. Text received so far is kept.</summary>
    Interrupted = 1,

    /// <summary>The total response time ran out. Text received so far is kept.</summary>
    TimedOut = 2,

    /// <summary>One streamed event exceeded its size limit. It was not applied; text received before it is kept.</summary>
    EventTooLarge = 3,

    /// <summary>The response exceeded its size limit. Text received before the limit is kept.</summary>
    ResponseTooLarge = 4,

    /// <summary>The bot answered with a non-2xx status; the status code and a capped excerpt of the body are kept.</summary>
    HttpError = 5,

    /// <summary>The body is not a CINNOX message (bad JSON, wrong shape).</summary>
    InvalidResponse = 6,

    /// <summary>No connection could be made, or it failed before any response arrived.</summary>
    Unreachable = 7,
}

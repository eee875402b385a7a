namespace Cinnox.Chatbot.Server;

/// <summary>How a streamed reply ended.</summary>
internal enum StreamReplyEnd
{
    /// <summary>The handler's stream ended and everything was written.</summary>
    Completed,

    /// <summary>The response limit was reached; the reply was ended early and cleanly.</summary>
    ResponseLimit,

    /// <summary>The time budget ran out; the reply was ended early and cleanly.</summary>
    TimeBudget,

    /// <summary>The handler's stream threw.</summary>
    HandlerFailed,

    /// <summary>The platform disconnected.</summary>
    Disconnected,
}

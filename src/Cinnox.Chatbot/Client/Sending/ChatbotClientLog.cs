using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot;

/// <summary>
/// The client's log messages. Header values never appear in them: they often hold secrets.
/// </summary>
internal static partial class ChatbotClientLog
{
    /// <summary>Logged once for every reply that did not complete (docs/protocol.md#outcomes).</summary>
    [LoggerMessage(EventId = 1, EventName = "ReplyNotCompleted",
        Message = "The reply of chatbot '{Destination}' for enquiry {InquiryId} ended as {Outcome}: {Reason}")]
    public static partial void ReplyNotCompleted(ILogger logger, LogLevel level, string destination, string inquiryId, ChatbotOutcome outcome, string reason);

    [LoggerMessage(EventId = 2, EventName = "Retrying", Level = LogLevel.Information,
        Message = "Sending the request to chatbot '{Destination}' for enquiry {InquiryId} again in {Delay} (retry {Retry}) after: {Reason}")]
    public static partial void Retrying(ILogger logger, string destination, string inquiryId, TimeSpan delay, int retry, string reason);

    [LoggerMessage(EventId = 3, EventName = "ReplyCompleted", Level = LogLevel.Debug,
        Message = "The reply of chatbot '{Destination}' for enquiry {InquiryId} completed: {Bytes} bytes, streamed {Streamed}, {WarningCount} warnings, in {Total}")]
    public static partial void ReplyCompleted(ILogger logger, string destination, string inquiryId, long bytes, bool streamed, int warningCount, TimeSpan total);

    /// <summary>The enquiry id as logged: <c>(none)</c> when the message does not come from an enquiry room.</summary>
    public static string InquiryIdForLog(string? inquiryId) => string.IsNullOrEmpty(inquiryId) ? "(none)" : inquiryId;

    /// <summary>Unreachable bots and timeouts are errors (nothing usable arrived in time); other outcomes are warnings.</summary>
    public static LogLevel LevelOf(ChatbotOutcome outcome) =>
        outcome is ChatbotOutcome.Unreachable or ChatbotOutcome.TimedOut ? LogLevel.Error : LogLevel.Warning;
}

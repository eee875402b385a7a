using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// The toolkit's log messages. None carries a header value, the API key, the visitor's text or the handler's
/// reply: only paths, enquiry ids, sizes and the toolkit's own reasons.
/// </summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Rejected a chatbot request on {Path} with {StatusCode}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string path, int statusCode, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Rejected a chatbot request on {Path} with 401: the {HeaderName} header is missing or does not hold the API key.")]
    public static partial void Unauthenticated(ILogger logger, string path, string headerName);

    [LoggerMessage(3, LogLevel.Error, "The chatbot handler on {Path} failed before replying (enquiry {InquiryId}); answered 500.")]
    public static partial void HandlerFailed(ILogger logger, string path, string? inquiryId, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "The chatbot handler's stream on {Path} failed after {EventCount} events (enquiry {InquiryId}); the response was aborted so the platform sees it as interrupted.")]
    public static partial void StreamFailed(ILogger logger, string path, string? inquiryId, int eventCount, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "The reply on {Path} (enquiry {InquiryId}) reached the response limit of {LimitBytes} bytes and was ended early.")]
    public static partial void ResponseLimitReached(ILogger logger, string path, string? inquiryId, int limitBytes);

    [LoggerMessage(6, LogLevel.Warning, "The reply on {Path} (enquiry {InquiryId}) ran out of its time budget of {Budget} and was ended early.")]
    public static partial void TimeBudgetReached(ILogger logger, string path, string? inquiryId, TimeSpan budget);

    [LoggerMessage(7, LogLevel.Debug, "The platform disconnected from {Path} (enquiry {InquiryId}); the handler was cancelled.")]
    public static partial void Disconnected(ILogger logger, string path, string? inquiryId);

    [LoggerMessage(8, LogLevel.Error, "The reply of the chatbot handler on {Path} (enquiry {InquiryId}) is {SizeBytes} bytes, over the response limit of {LimitBytes}; answered 500.")]
    public static partial void ReplyTooLarge(ILogger logger, string path, string? inquiryId, int sizeBytes, int limitBytes);

    [LoggerMessage(9, LogLevel.Error, "The streamed reply of the chatbot handler on {Path} (enquiry {InquiryId}) has no text; answered 500.")]
    public static partial void NoText(ILogger logger, string path, string? inquiryId);

    [LoggerMessage(10, LogLevel.Warning, "The chatbot handler on {Path} (enquiry {InquiryId}) did not reply within its time budget of {Budget}; answered 503.")]
    public static partial void HandlerTimedOut(ILogger logger, string path, string? inquiryId, TimeSpan budget);

    [LoggerMessage(11, LogLevel.Debug, "Replied on {Path} (enquiry {InquiryId}) with {Mode}: {SizeBytes} bytes, {EventCount} events.")]
    public static partial void Replied(ILogger logger, string path, string? inquiryId, string mode, long sizeBytes, int eventCount);
}

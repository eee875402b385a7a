namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>Every rule the checker judges, in the order reports list them. The tool's README documents each one.</summary>
internal static class CheckRules
{
    public static readonly CheckRule HttpStatus = new("http.status", CheckSeverity.Error, "Every request the platform sends is answered with a 2xx status.", "docs/protocol.md#request docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule HttpRedirect = new("http.redirect", CheckSeverity.Error, "The endpoint answers itself: the platform never follows a 3xx redirect.", "docs/protocol.md#hostile-bots");
    public static readonly CheckRule HttpConnection = new("http.connection", CheckSeverity.Error, "The bot accepts the connection and finishes its reply without breaking it.", "docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule HttpMethod = new("http.method", CheckSeverity.Warning, "A method other than POST is refused with 405 (or another 4xx), not served.", "docs/protocol.md#destination");
    public static readonly CheckRule HttpMalformedRequest = new("http.malformed-request", CheckSeverity.Warning, "A body that is not JSON is refused with a 4xx status, not served and not a 5xx.", "docs/protocol.md#request");
    public static readonly CheckRule HttpProblemBody = new("http.problem-body", CheckSeverity.Warning, "An error status carries an RFC 7807 problem body (application/problem+json).", "docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule ReplyShape = new("reply.shape", CheckSeverity.Error, "A JSON reply is one object {\"message\":{...}} with a message the platform can read.", "docs/protocol.md#reply-messages docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule ReplyContentType = new("reply.content-type", CheckSeverity.Warning, "A JSON reply says Content-Type: application/json; a stream says text/event-stream.", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule ReplyMessageType = new("reply.message-type", CheckSeverity.Warning, "Every message, container and item type is one the platform knows.", "docs/protocol.md#reading-replies");
    public static readonly CheckRule ReplyKeyword = new("reply.keyword", CheckSeverity.Warning, "A keyword is sent exactly (DIRECT_TRANSFER, CLOSE_ENQUIRY), never almost.", "docs/protocol.md#text-message");
    public static readonly CheckRule ChannelExternalJson = new("channel.external-json", CheckSeverity.Error, "A request that asks for JSON (an external omni-channel) gets JSON, never a stream.", "docs/protocol.md#request docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamAntiBuffering = new("stream.anti-buffering", CheckSeverity.Warning, "A stream says Cache-Control: no-cache and X-Accel-Buffering: no, so proxies pass each event on at once.", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamFraming = new("stream.framing", CheckSeverity.Error, "A stream is made of SSE fields (data:, event:, id:, retry:, comments) and every event ends with a blank line.", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamEventJson = new("stream.event-json", CheckSeverity.Error, "Each event's data is one {\"message\":{...}} JSON object.", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamNoAdvanced = new("stream.no-advanced", CheckSeverity.Error, "Only text messages stream; an advanced message is sent as a JSON reply.", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamTerminal = new("stream.terminal", CheckSeverity.Warning, "A stream ends with a final event (streamType absent, full or final) or data: [DONE].", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamAfterFinal = new("stream.after-final", CheckSeverity.Warning, "Nothing follows the final event, and the response ends right after it.", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule StreamStreamType = new("stream.stream-type", CheckSeverity.Warning, "Every streamType is delta or a terminal value (full, final, done, end, complete).", "docs/protocol.md#streaming-replies");
    public static readonly CheckRule LimitsEventSize = new("limits.event-size", CheckSeverity.Error, "Each streamed event fits the event limit (1 MB by default).", "docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule LimitsResponseSize = new("limits.response-size", CheckSeverity.Error, "The whole response fits the response limit (4 MB by default).", "docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule LimitsTime = new("limits.time", CheckSeverity.Error, "The reply ends within the total response time (120 s by default).", "docs/protocol.md#limits-and-outcomes");
    public static readonly CheckRule MediaReachable = new("media.reachable", CheckSeverity.Warning, "Each media URL answers a HEAD request with 2xx (--check-media).", "docs/protocol.md#advanced-message");
    public static readonly CheckRule MediaFormat = new("media.format", CheckSeverity.Error, "Each media file is served in a supported format for its kind (--check-media).", "docs/protocol.md#advanced-message");
    public static readonly CheckRule MediaSize = new("media.size", CheckSeverity.Error, "Each media file is at most 20 MB (--check-media).", "docs/protocol.md#advanced-message");

    /// <summary>The message rules: one per error code of the SDK's validator (<c>ChatbotValidationCodes</c>).</summary>
    public static readonly IReadOnlyList<CheckRule> Message =
    [
        new("message.required", CheckSeverity.Error, "Every required field is present: text, a text item's content, a button's text and action, a media fileUrl.", "docs/protocol.md#reply-messages"),
        new("message.empty", CheckSeverity.Error, "An advanced message has containers and every container has items.", "docs/protocol.md#advanced-message"),
        new("message.tooLong", CheckSeverity.Error, "A button's text is at most 20 characters; a text item's fields at most 10,000.", "docs/protocol.md#advanced-message"),
        new("message.order", CheckSeverity.Error, "A bubble's items come in the order text, media, buttons.", "docs/protocol.md#advanced-message"),
        new("message.itemNotAllowed", CheckSeverity.Error, "Each container holds only its kind of items (a quick reply only buttons, a carousel only bubbles).", "docs/protocol.md#advanced-message"),
        new("message.listShape", CheckSeverity.Error, "A list is one header text item, then entries (buttons) with at most one image each.", "docs/protocol.md#advanced-message"),
        new("message.invalidUrl", CheckSeverity.Error, "Every fileUrl and open-URL action is an absolute http or https URL.", "docs/protocol.md#advanced-message"),
        new("message.unsupportedMediaFormat", CheckSeverity.Error, "A media URL's extension is a supported format for its kind.", "docs/protocol.md#advanced-message"),
        new("message.invalidAdvancedMarker", CheckSeverity.Error, "An advanced message says \"advanced\": \"AdvancedMessage\".", "docs/protocol.md#advanced-message"),
    ];

    /// <summary>Gets every rule.</summary>
    public static IReadOnlyList<CheckRule> All { get; } =
    [
        HttpStatus, HttpRedirect, HttpConnection, HttpMethod, HttpMalformedRequest, HttpProblemBody,
        ReplyShape, ReplyContentType, ReplyMessageType, ReplyKeyword, .. Message, ChannelExternalJson,
        StreamAntiBuffering, StreamFraming, StreamEventJson, StreamNoAdvanced, StreamTerminal, StreamAfterFinal, StreamStreamType,
        LimitsEventSize, LimitsResponseSize, LimitsTime, MediaReachable, MediaFormat, MediaSize,
    ];

    /// <summary>Gets the rule for a validator error code; codes without a rule of their own fall under <see cref="ReplyShape"/>.</summary>
    public static CheckRule ForValidationCode(string code) =>
        Message.FirstOrDefault(rule => string.Equals(rule.Id, "message." + code, StringComparison.Ordinal)) ?? ReplyShape;

    /// <summary>Gets whether a rule is checked: the media rules only with <c>--check-media</c>.</summary>
    public static bool IsChecked(CheckRule rule, bool checkMedia) => checkMedia || !rule.Id.StartsWith("media.", StringComparison.Ordinal);
}

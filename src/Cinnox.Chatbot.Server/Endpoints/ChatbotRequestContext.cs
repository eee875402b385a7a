using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// What a chatbot handler receives for one request (docs/protocol.md#request): the visitor's query, the destination's parameters,
/// the enquiry and its context, fields this SDK does not know, the request format, whether the platform accepts
/// a streamed reply, and the token that tells the handler to stop.
/// </summary>
public sealed class ChatbotRequestContext
{
    /// <summary>Initializes a new instance; the toolkit creates one per request, and tests may create their own.</summary>
    /// <param name="request">The request read from the body.</param>
    /// <param name="httpContext">The HTTP context of the request.</param>
    /// <param name="acceptsStreaming">Whether the request's <c>Accept</c> header admits <c>text/event-stream</c>.</param>
    /// <param name="cancellationToken">Cancelled when the platform disconnects or the reply's time budget runs out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="httpContext"/> is null.</exception>
    public ChatbotRequestContext(ChatbotRequest request, HttpContext httpContext, bool acceptsStreaming = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        Request = request;
        HttpContext = httpContext;
        AcceptsStreaming = acceptsStreaming;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets what the toolkit measures about this request, for its telemetry.</summary>
    internal ChatbotServerRequestRecord Record { get; init; } = new();

    /// <summary>Gets the whole request as read from the body.</summary>
    public ChatbotRequest Request { get; }

    /// <summary>Gets the visitor's message: <c>query</c>, or <c>queryResult.queryText</c> in the legacy format.</summary>
    public string Query => Request.Query;

    /// <summary>Gets the destination's URL parameters (<c>queryParams</c>); empty when none were sent.</summary>
    public IDictionary<string, string> QueryParams => Request.QueryParams;

    /// <summary>Gets the enquiry id (<c>inquiryID</c>), present only when the message comes from an enquiry room.</summary>
    public string? InquiryId => Request.InquiryId;

    /// <summary>Gets the request's <c>action</c>; <c>input.unknown</c> for standard messages.</summary>
    public string Action => Request.Action;

    /// <summary>
    /// Gets the enquiry's context metadata (visitor name, channel type, ...), read from top-level fields or from a
    /// nested <c>context</c> object. Every field is optional.
    /// </summary>
    public ChatbotEnquiryContext Context => Request.Context;

    /// <summary>Gets the request's fields this SDK does not know, by name; a nested <c>context</c> object is kept here too.</summary>
    public IDictionary<string, JsonElement> AdditionalProperties => Request.AdditionalProperties;

    /// <summary>Gets the format the request came in.</summary>
    public ChatbotRequestFormat Format => Request.Format;

    /// <summary>Gets a value indicating whether the request came in the legacy format <c>{"queryResult":{"queryText":"..."}}</c>.</summary>
    public bool IsLegacyFormat => Request.Format == ChatbotRequestFormat.Legacy;

    /// <summary>
    /// Gets a value indicating whether the platform accepts a streamed reply: its <c>Accept</c> header admits
    /// <c>text/event-stream</c>. A <see cref="ChatbotReplies.Stream"/> reply is written as Server-Sent Events only
    /// then, and collected into one JSON text message otherwise.
    /// </summary>
    public bool AcceptsStreaming { get; }

    /// <summary>Gets the HTTP context of the request, for headers, services and the user.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>
    /// Gets the token that is cancelled when the platform disconnects, the reply's time budget runs out, or a
    /// streamed reply reaches its size limit. Pass it to everything the handler awaits.
    /// </summary>
    public CancellationToken CancellationToken { get; }
}

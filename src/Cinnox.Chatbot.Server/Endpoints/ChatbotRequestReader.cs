using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Checks and reads a chatbot request (the package README, "Requests"), answering every refusal with an RFC 7807 problem.
/// </summary>
/// <remarks>
/// Checks run in this order, so that a caller without the key learns nothing about the body rules:
/// method (405), API key (401), Content-Type (415), size (413), JSON and query (400).
/// </remarks>
internal sealed class ChatbotRequestReader
{
    private readonly ChatbotServerOptions _options;
    private readonly ILogger _logger;
    private readonly ApiKeyAuthenticator? _authenticator;
    private string? _acceptedContentType;

    public ChatbotRequestReader(ChatbotServerOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _authenticator = ApiKeyAuthenticator.Create(options);
    }

    /// <summary>Checks what can be checked before the body is read; on refusal answers and returns <see langword="false"/>.</summary>
    public async Task<bool> AcceptAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            httpContext.Response.Headers.Allow = HttpMethods.Post;
            await RejectAsync(httpContext, StatusCodes.Status405MethodNotAllowed, "Send the request with POST; no other method is served here.").ConfigureAwait(false);
            return false;
        }

        if (_authenticator is not null && !_authenticator.IsAuthorized(request))
        {
            ServerLog.Unauthenticated(_logger, request.Path, _authenticator.HeaderName);
            if (_authenticator.Scheme is not null)
            {
                httpContext.Response.Headers.WWWAuthenticate = _authenticator.Scheme;
            }

            var expected = _authenticator.Scheme is null ? "the API key" : $"'{_authenticator.Scheme} <API key>'";
            await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status401Unauthorized,
                $"The request must carry {expected} in the {_authenticator.HeaderName} header.").ConfigureAwait(false);
            return false;
        }

        if (!IsUtf8Json(request.ContentType))
        {
            await RejectAsync(httpContext, StatusCodes.Status415UnsupportedMediaType,
                "Send the body as JSON with Content-Type: application/json; charset=utf-8.").ConfigureAwait(false);
            return false;
        }

        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            await RejectTooLargeAsync(httpContext).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private Task RejectAsync(HttpContext httpContext, int statusCode, string reason)
    {
        ServerLog.RequestRejected(_logger, httpContext.Request.Path, statusCode, reason);
        return ProblemResponses.WriteAsync(httpContext, statusCode, reason);
    }

    private Task RejectTooLargeAsync(HttpContext httpContext) =>
        RejectAsync(httpContext, StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than the limit of {_options.MaxRequestBodyBytes} bytes.");

    /// <summary>Reads the body, never buffering more than the limit allows; on failure answers and returns null.</summary>
    public async Task<ChatbotRequest?> ReadAsync(HttpContext httpContext)
    {
        var limit = _options.MaxRequestBodyBytes;
        // The server's own limit counts chunked framing too, so it only backs ours up: raised when it would refuse a
        // body this endpoint accepts, never lowered.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } serverLimit } sizeFeature &&
            serverLimit < limit)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        // Each piece is copied out and consumed at once, so the server counts every byte exactly once and the
        // limit holds to the byte whether the body has a Content-Length or comes chunked.
        var reader = httpContext.Request.BodyReader;
        using var body = new PooledByteBuffer((int)Math.Min(httpContext.Request.ContentLength ?? 4096, Math.Min(limit, 1024 * 1024)) + 1);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(httpContext.RequestAborted).ConfigureAwait(false);
                var tooLarge = body.Count + result.Buffer.Length > limit;
                if (!tooLarge)
                {
                    foreach (var segment in result.Buffer)
                    {
                        body.Write(segment.Span);
                    }
                }

                reader.AdvanceTo(result.Buffer.End);
                if (tooLarge)
                {
                    await RejectTooLargeAsync(httpContext).ConfigureAwait(false);
                    return null;
                }

                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (BadHttpRequestException exception)
        {
            // The server refused the body itself: too large, or broken framing.
            if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await RejectTooLargeAsync(httpContext).ConfigureAwait(false);
            }
            else
            {
                await RejectAsync(httpContext, StatusCodes.Status400BadRequest, "The request body could not be read.").ConfigureAwait(false);
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ConnectionAbortedException &&
                                          httpContext.RequestAborted.IsCancellationRequested)
        {
            ServerLog.Disconnected(_logger, httpContext.Request.Path, null);
            return null;
        }

        try
        {
            return ChatbotJson.ParseRequest(body.WrittenSpan);
        }
        catch (ChatbotProtocolException exception)
        {
            // The reader's message describes the body's shape (path, line, rule), never server internals.
            await RejectAsync(httpContext, StatusCodes.Status400BadRequest, exception.Message).ConfigureAwait(false);
            return null;
        }
    }

    private bool IsUtf8Json(string? contentType)
    {
        // A platform sends the same Content-Type with every request: the last one accepted is not parsed again.
        if (contentType is not null && string.Equals(contentType, _acceptedContentType, StringComparison.Ordinal))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !ChatbotMediaTypes.IsJson(mediaType.MediaType.AsSpan()) || !ChatbotMediaTypes.IsUtf8OrAbsent(mediaType.Charset.AsSpan()))
        {
            return false;
        }

        _acceptedContentType = contentType;
        return true;
    }
}

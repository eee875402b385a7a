using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// One mapped chatbot endpoint: checks the request (SPEC §2), calls the handler, and writes its reply within
/// the limits (SPEC §3–5). Every refusal is an RFC 7807 problem and is logged without secrets.
/// </summary>
/// <remarks>
/// Checks run in this order, so that a caller without the key learns nothing about the body rules:
/// method (405), API key (401), Content-Type (415), size (413), JSON and query (400).
/// </remarks>
internal sealed class ChatbotEndpoint
{
    private const string JsonContentType = ChatbotMediaTypes.JsonUtf8;
    private const string EventStreamContentType = ChatbotMediaTypes.EventStream;

    private readonly Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> _handler;
    private readonly ChatbotServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ApiKeyAuthenticator? _authenticator;

    public ChatbotEndpoint(
        Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> handler,
        ChatbotServerOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _handler = handler;
        _options = options;
        _time = time;
        _logger = logger;
        _authenticator = ApiKeyAuthenticator.Create(options);
    }

    public async Task InvokeAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            httpContext.Response.Headers.Allow = HttpMethods.Post;
            await RejectAsync(httpContext, StatusCodes.Status405MethodNotAllowed, "Send the request with POST; no other method is served here.").ConfigureAwait(false);
            return;
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
            return;
        }

        if (!IsUtf8Json(request.ContentType))
        {
            await RejectAsync(httpContext, StatusCodes.Status415UnsupportedMediaType,
                "Send the body as JSON with Content-Type: application/json; charset=utf-8.").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            await RejectTooLargeAsync(httpContext).ConfigureAwait(false);
            return;
        }

        // The time budget starts when the request arrives.
        using var budget = new CancellationTokenSource(_options.Limits.TotalResponseTime, _time);
        using var handlerCancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, budget.Token);
        var chatbotRequest = await ReadRequestAsync(httpContext).ConfigureAwait(false);
        if (chatbotRequest is null)
        {
            return;
        }

        var acceptsStreaming = ChatbotMediaTypes.AcceptsEventStream(request.Headers.Accept.ToString());
        var context = new ChatbotRequestContext(chatbotRequest, httpContext, acceptsStreaming, handlerCancellation.Token);
        var reply = await InvokeHandlerAsync(context, handlerCancellation).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        if (!reply.IsStream)
        {
            await WriteMessageAsync(context, reply).ConfigureAwait(false);
        }
        else if (acceptsStreaming)
        {
            await WriteEventStreamAsync(context, reply.TextStream!, handlerCancellation).ConfigureAwait(false);
        }
        else
        {
            await WriteCollectedAsync(context, reply.TextStream!, handlerCancellation).ConfigureAwait(false);
        }
    }

    private static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        return ChatbotMediaTypes.IsJson(mediaType.MediaType.AsSpan()) && ChatbotMediaTypes.IsUtf8OrAbsent(mediaType.Charset.AsSpan());
    }

    private static void StartEventStream(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStreamContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
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
    private async Task<ChatbotRequest?> ReadRequestAsync(HttpContext httpContext)
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

    /// <summary>Calls the handler within the time budget; on failure answers and returns null.</summary>
    private async Task<ChatbotServerReply?> InvokeHandlerAsync(ChatbotRequestContext context, CancellationTokenSource handlerCancellation)
    {
        var httpContext = context.HttpContext;
        var path = httpContext.Request.Path;
        Task<ChatbotServerReply>? pending = null;
        try
        {
            var reply = _handler(context, handlerCancellation.Token);
            if (reply.IsCompletedSuccessfully)
            {
                return reply.Result ?? throw NullReply();
            }

            pending = reply.AsTask();
            return await pending.WaitAsync(handlerCancellation.Token).ConfigureAwait(false) ?? throw NullReply();
        }
        catch (OperationCanceledException) when (handlerCancellation.IsCancellationRequested)
        {
            if (pending is { IsCompleted: false })
            {
                // The handler ignores its token; observe whatever it ends with so nothing goes unobserved.
                _ = pending.ContinueWith(static task => _ = task.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                ServerLog.Disconnected(_logger, path, context.InquiryId);
                return null;
            }

            ServerLog.HandlerTimedOut(_logger, path, context.InquiryId, _options.Limits.TotalResponseTime);
            await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable,
                "The chatbot did not reply within its time budget.").ConfigureAwait(false);
            return null;
        }
        catch (Exception exception)
        {
            await FailAsync(context, exception).ConfigureAwait(false);
            return null;
        }

        static InvalidOperationException NullReply() =>
            new("The chatbot handler returned null; return a reply made with ChatbotReplies.");
    }

    private Task FailAsync(ChatbotRequestContext context, Exception exception)
    {
        ServerLog.HandlerFailed(_logger, context.HttpContext.Request.Path, context.InquiryId, exception);
        return ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status500InternalServerError,
            "The chatbot could not produce a reply.");
    }

    private async Task WriteMessageAsync(ChatbotRequestContext context, ChatbotServerReply reply)
    {
        var httpContext = context.HttpContext;
        var body = reply.Body;
        if (body.Length > _options.Limits.MaxResponseBytes)
        {
            ServerLog.ReplyTooLarge(_logger, httpContext.Request.Path, context.InquiryId, body.Length, _options.Limits.MaxResponseBytes);
            await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status500InternalServerError,
                "The chatbot could not produce a reply.").ConfigureAwait(false);
            return;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        try
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
            ServerLog.Replied(_logger, httpContext.Request.Path, context.InquiryId, "JSON", body.Length, 0);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            ServerLog.Disconnected(_logger, httpContext.Request.Path, context.InquiryId);
        }
    }

    private async Task WriteEventStreamAsync(ChatbotRequestContext context, IAsyncEnumerable<string> textStream, CancellationTokenSource handlerCancellation)
    {
        var httpContext = context.HttpContext;
        var path = httpContext.Request.Path;
        // The server sends what is left when the response completes, so the last events and the end of the response
        // leave together instead of as two packets.
        var writer = new StreamReplyWriter(textStream, _options, _time, handlerCancellation, handlerCancellation.Token, httpContext.RequestAborted)
        {
            FlushAtEnd = false,
        };
        await using (writer.ConfigureAwait(false))
        {
            // Events the handler has ready together leave together; the writer flushes before it waits for more.
            var output = new CoalescingPipeStream(httpContext.Response.BodyWriter);
            await using (output.ConfigureAwait(false))
            {
                await writer.WriteEventStreamAsync(output, () => StartEventStream(httpContext)).ConfigureAwait(false);
                if (writer.End == StreamReplyEnd.HandlerFailed && writer.HasStarted)
                {
                    // A failed stream ends with an exception (below); what was written must be on its way first.
                    await FlushQuietlyAsync(output).ConfigureAwait(false);
                }
            }
        }

        if (!writer.HasStarted)
        {
            await WriteUnstartedAsync(context, writer).ConfigureAwait(false);
            return;
        }

        switch (writer.End)
        {
            case StreamReplyEnd.HandlerFailed:
                ServerLog.StreamFailed(_logger, path, context.InquiryId, writer.EventCount, writer.HandlerException!);

                // The platform must see a broken reply (SPEC §5: interrupted) and keep the text already sent.
                // HttpContext.Abort may discard events still on their way out; an exception once the response has
                // started makes the server send what was written, then close without completing the response.
                throw new ChatbotStreamFailedException(writer.HandlerException!);
            case StreamReplyEnd.Disconnected:
                ServerLog.Disconnected(_logger, path, context.InquiryId);
                return;
            case StreamReplyEnd.ResponseLimit:
                ServerLog.ResponseLimitReached(_logger, path, context.InquiryId, _options.Limits.MaxResponseBytes);
                break;
            case StreamReplyEnd.TimeBudget:
                ServerLog.TimeBudgetReached(_logger, path, context.InquiryId, _options.Limits.TotalResponseTime);
                break;
        }

        ServerLog.Replied(_logger, path, context.InquiryId, "Server-Sent Events", writer.BytesWritten, writer.EventCount);
    }

    private static async Task FlushQuietlyAsync(Stream output)
    {
        try
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The platform is gone; the reply ends either way.
        }
    }

    /// <summary>Answers a stream that ended before its response started: nothing has been written yet.</summary>
    private Task WriteUnstartedAsync(ChatbotRequestContext context, StreamReplyWriter writer)
    {
        var httpContext = context.HttpContext;
        switch (writer.End)
        {
            case StreamReplyEnd.HandlerFailed:
                return FailAsync(context, writer.HandlerException!);
            case StreamReplyEnd.Disconnected:
                ServerLog.Disconnected(_logger, httpContext.Request.Path, context.InquiryId);
                return Task.CompletedTask;
            case StreamReplyEnd.TimeBudget:
                ServerLog.HandlerTimedOut(_logger, httpContext.Request.Path, context.InquiryId, _options.Limits.TotalResponseTime);
                return ProblemResponses.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable,
                    "The chatbot did not reply within its time budget.");
            default:
                ServerLog.NoText(_logger, httpContext.Request.Path, context.InquiryId);
                return ProblemResponses.WriteAsync(httpContext, StatusCodes.Status500InternalServerError,
                    "The chatbot could not produce a reply.");
        }
    }

    private async Task WriteCollectedAsync(ChatbotRequestContext context, IAsyncEnumerable<string> textStream, CancellationTokenSource handlerCancellation)
    {
        var httpContext = context.HttpContext;
        var path = httpContext.Request.Path;
        var writer = new StreamReplyWriter(textStream, _options, _time, handlerCancellation, handlerCancellation.Token, httpContext.RequestAborted);
        await using (writer.ConfigureAwait(false))
        {
            await writer.CollectAsync().ConfigureAwait(false);
            if (writer.End is StreamReplyEnd.HandlerFailed or StreamReplyEnd.Disconnected || !writer.HasVisibleText)
            {
                await WriteUnstartedAsync(context, writer).ConfigureAwait(false);
                return;
            }

            if (writer.End == StreamReplyEnd.ResponseLimit)
            {
                ServerLog.ResponseLimitReached(_logger, path, context.InquiryId, _options.Limits.MaxResponseBytes);
            }
            else if (writer.End == StreamReplyEnd.TimeBudget)
            {
                ServerLog.TimeBudgetReached(_logger, path, context.InquiryId, _options.Limits.TotalResponseTime);
            }

            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = JsonContentType;
            response.ContentLength = writer.BytesWritten;
            var output = response.BodyWriter;
            output.Write(ChatbotWire.TextPrefix);
            output.Write(writer.CollectedText.Span);
            output.Write(ChatbotWire.MessageSuffix);
            try
            {
                await output.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
                ServerLog.Replied(_logger, path, context.InquiryId, "JSON (collected stream)", writer.BytesWritten, 0);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                ServerLog.Disconnected(_logger, path, context.InquiryId);
            }
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// One mapped chatbot endpoint: has the request checked and read (<see cref="ChatbotRequestReader"/>), calls the
/// handler within the time budget, and writes its reply within the limits (the package README). Every refusal is an
/// RFC 7807 problem and is logged without secrets; how a reply ended is logged in one place
/// (<see cref="ReplyEndLog"/>).
/// </summary>
internal sealed class ChatbotEndpoint
{
    private const string JsonContentType = ChatbotMediaTypes.JsonUtf8;
    private const string EventStreamContentType = ChatbotMediaTypes.EventStream;

    private readonly Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> _handler;
    private readonly ChatbotServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ChatbotRequestReader _requestReader;
    private readonly ChatbotServerTelemetry _telemetry;
    private readonly string? _route;
    private string? _streamingAccept;

    public ChatbotEndpoint(
        Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> handler,
        ChatbotServerOptions options,
        TimeProvider time,
        ILogger logger,
        ChatbotServerTelemetry? telemetry = null,
        string? route = null)
    {
        _handler = handler;
        _options = options;
        _time = time;
        _logger = logger;
        _requestReader = new ChatbotRequestReader(options, logger);
        _telemetry = telemetry ?? ChatbotServerTelemetry.Shared;
        _route = route;
    }

    /// <summary>Answers one request, and records how it went once, whichever way it ends.</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        using var activity = ChatbotServerTelemetry.StartRequest(_route);
        var start = _time.GetTimestamp();
        var record = new ChatbotServerRequestRecord();
        try
        {
            await InvokeCoreAsync(httpContext, record, start).ConfigureAwait(false);
        }
        catch (ChatbotStreamFailedException)
        {
            record.End("stream_failed");
            throw;
        }
        finally
        {
            _telemetry.Record(activity, record, _time.GetElapsedTime(start), httpContext.Response.StatusCode, _route);
        }
    }

    private async Task InvokeCoreAsync(HttpContext httpContext, ChatbotServerRequestRecord record, long start)
    {
        var request = httpContext.Request;
        if (!await _requestReader.AcceptAsync(httpContext).ConfigureAwait(false))
        {
            record.End(httpContext.Response.StatusCode == StatusCodes.Status401Unauthorized ? "unauthenticated" : "rejected");
            return;
        }

        // The time budget starts when the request arrives. One source serves the budget and the platform going away:
        // a source of its own for each and a linked one over them would cost every request three sources.
        using var handlerCancellation = new CancellationTokenSource(_options.Limits.TotalResponseTime, _time);
        using var aborted = httpContext.RequestAborted.UnsafeRegister(
            static source => ((CancellationTokenSource)source!).Cancel(), handlerCancellation);
        var chatbotRequest = await _requestReader.ReadAsync(httpContext).ConfigureAwait(false);
        if (chatbotRequest is null)
        {
            record.End("rejected");
            return;
        }

        record.InquiryId = chatbotRequest.InquiryId;
        var acceptsStreaming = AcceptsEventStream(request.Headers.Accept.ToString());
        var context = new ChatbotRequestContext(chatbotRequest, httpContext, acceptsStreaming, handlerCancellation.Token) { Record = record };
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
            await WriteEventStreamAsync(context, reply.TextStream!, handlerCancellation, start).ConfigureAwait(false);
        }
        else
        {
            await WriteCollectedAsync(context, reply.TextStream!, handlerCancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the Accept header; the last value found to admit a stream is not parsed again, as a platform sends the same one every time.</summary>
    private bool AcceptsEventStream(string accept)
    {
        if (string.Equals(accept, _streamingAccept, StringComparison.Ordinal))
        {
            return true;
        }

        if (!ChatbotMediaTypes.AcceptsEventStream(accept))
        {
            return false;
        }

        _streamingAccept = accept;
        return true;
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
                context.Record.End("disconnected");
                ServerLog.Disconnected(_logger, path, context.InquiryId);
                return null;
            }

            context.Record.End("handler_timed_out", "time_budget");
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
        context.Record.End("handler_failed");
        ServerLog.HandlerFailed(_logger, context.HttpContext.Request.Path, context.InquiryId, exception);
        return ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status500InternalServerError,
            "The chatbot could not produce a reply.");
    }

    private async Task WriteMessageAsync(ChatbotRequestContext context, ChatbotServerReply reply)
    {
        var httpContext = context.HttpContext;
        var body = reply.Body;
        context.Record.Mode = ChatbotServerRequestRecord.JsonMode;
        if (body.Length > _options.Limits.MaxResponseBytes)
        {
            context.Record.End("reply_too_large", "response_limit");
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
            await WriteInSlicesAsync(response.BodyWriter, body, httpContext.RequestAborted).ConfigureAwait(false);
            context.Record.Bytes = body.Length;
            ServerLog.Replied(_logger, httpContext.Request.Path, context.InquiryId, "JSON", body.Length, 0);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            context.Record.End("disconnected");
            ServerLog.Disconnected(_logger, httpContext.Request.Path, context.InquiryId);
        }
    }

    private async Task WriteEventStreamAsync(
        ChatbotRequestContext context, IAsyncEnumerable<string> textStream, CancellationTokenSource handlerCancellation, long start)
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
            // Events the handler has ready together leave together (one chunk); the writer flushes before it waits for more.
            var output = httpContext.Response.BodyWriter;
            await writer.WriteEventStreamAsync(output, () =>
            {
                context.Record.Mode = ChatbotServerRequestRecord.EventStreamMode;
                context.Record.TimeToFirstEvent = _time.GetElapsedTime(start);
                StartEventStream(httpContext);
            }).ConfigureAwait(false);
            if (writer.End == StreamReplyEnd.HandlerFailed && writer.HasStarted)
            {
                // A failed stream ends with an exception (below); what was written must be on its way first.
                await FlushQuietlyAsync(output).ConfigureAwait(false);
            }
        }

        if (!writer.HasStarted)
        {
            await WriteUnstartedAsync(context, writer).ConfigureAwait(false);
            return;
        }

        context.Record.Events = writer.EventCount;
        context.Record.Bytes = writer.BytesWritten;

        if (writer.End == StreamReplyEnd.HandlerFailed)
        {
            ServerLog.StreamFailed(_logger, path, context.InquiryId, writer.EventCount, writer.HandlerException!);

            // The platform must see a broken reply (interrupted) and keep the text already sent.
            // HttpContext.Abort may discard events still on their way out; an exception once the response has
            // started makes the server send what was written, then close without completing the response.
            throw new ChatbotStreamFailedException(writer.HandlerException!);
        }

        ReplyEndLog.Ended(_logger, context, writer.End, _options.Limits);
        if (writer.End == StreamReplyEnd.Disconnected)
        {
            return;
        }

        ServerLog.Replied(_logger, path, context.InquiryId, "Server-Sent Events", writer.BytesWritten, writer.EventCount);
    }

    /// <summary>
    /// Hands a body to the response a slice at a time, each flushed before the next, so the response's backpressure
    /// holds it: the server never copies a whole reply of up to <see cref="ChatbotLimits.MaxResponseBytes"/> into its
    /// buffers for a platform that reads slowly.
    /// </summary>
    private static async Task WriteInSlicesAsync(PipeWriter output, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        while (!body.IsEmpty)
        {
            var slice = body[..Math.Min(body.Length, StreamReplyWriter.SendThreshold)];
            output.Write(slice.Span);
            body = body[slice.Length..];
            var result = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                return; // The response is over (aborted): the rest would go nowhere.
            }
        }
    }

    private static async Task FlushQuietlyAsync(PipeWriter output)
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
                ReplyEndLog.Ended(_logger, context, writer.End, _options.Limits);
                return Task.CompletedTask;
            case StreamReplyEnd.TimeBudget:
                context.Record.End("handler_timed_out", "time_budget");
                ServerLog.HandlerTimedOut(_logger, httpContext.Request.Path, context.InquiryId, _options.Limits.TotalResponseTime);
                return ProblemResponses.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable,
                    "The chatbot did not reply within its time budget.");
            default:
                context.Record.End("no_text");
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

            ReplyEndLog.Ended(_logger, context, writer.End, _options.Limits);
            context.Record.Mode = ChatbotServerRequestRecord.CollectedStreamMode;
            context.Record.Bytes = writer.BytesWritten;

            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = JsonContentType;
            response.ContentLength = writer.BytesWritten;
            var output = response.BodyWriter;
            output.Write(ChatbotWire.TextPrefix);
            try
            {
                await WriteInSlicesAsync(output, writer.CollectedText, httpContext.RequestAborted).ConfigureAwait(false);
                output.Write(ChatbotWire.MessageSuffix);
                await output.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
                ServerLog.Replied(_logger, path, context.InquiryId, "JSON (collected stream)", writer.BytesWritten, 0);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                context.Record.End("disconnected");
                ServerLog.Disconnected(_logger, path, context.InquiryId);
            }
        }
    }
}

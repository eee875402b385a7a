using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot;

/// <summary>
/// Calls one chatbot destination over HTTP (docs/protocol.md): POSTs the request, reads the reply as JSON or as a
/// Server-Sent-Events stream whatever was asked for, enforces the destination's limits, retries failures that
/// happen before any reply, and ends every call with exactly one <see cref="ChatbotOutcome"/>.
/// </summary>
/// <remarks>
/// <para>
/// Streaming is requested (the destination's <c>Accept: text/event-stream</c> is sent) only when the destination
/// has streaming on and <see cref="ChatbotSendOptions.IsExternalChannel"/> is off; otherwise the request sends
/// <c>Accept: application/json</c>. The reply is read by its <c>Content-Type</c>, or by its first non-space byte
/// when it has none, so a JSON answer to a streaming request and a stream answering a JSON request both work.
/// </para>
/// <para>
/// The total time limit is measured on the client's <see cref="TimeProvider"/> from sending the request to the end
/// of the reply, retries included. <see cref="HttpClient.Timeout"/> is not the limit: the registered clients set it
/// to infinite, and a client built here from an <see cref="HttpClient"/> of your own should too, or its timeout
/// (100 seconds by default) may cut a slow bot short as <see cref="ChatbotOutcome.TimedOut"/>.
/// </para>
/// <para>
/// Each reply that does not complete is logged once, at warning or error level, with the destination's name,
/// the enquiry id and the reason, never with header values; a stream the caller cancels or stops reading after the
/// reply has started counts as <see cref="ChatbotOutcome.Interrupted"/>. Calls are traced on an <see cref="ActivitySource"/>
/// and measured on a <see cref="Meter"/>, both named <see cref="DiagnosticsName"/>.
/// </para>
/// <para>
/// Whatever the bot sends, a call ends with exactly one outcome (docs/protocol.md#hostile-bots): only argument errors and the caller's own
/// cancellation leave a call as exceptions. Redirects are not followed unless
/// <see cref="ChatbotDestination.FollowSameOriginRedirects"/> allows a same-origin 307 or 308; a body with a
/// <c>Content-Encoding</c> other than <c>identity</c> is refused as <see cref="ChatbotOutcome.InvalidResponse"/>.
/// </para>
/// <para>This class is thread-safe; one instance can serve many calls at once.</para>
/// </remarks>
public sealed class ChatbotClient : IChatbotClient
{
    /// <summary>The name of the client's <see cref="ActivitySource"/> and <see cref="Meter"/>: <c>Cinnox.Chatbot</c>.</summary>
    public const string DiagnosticsName = "Cinnox.Chatbot";

    /// <summary>The most bytes of an error body kept in <see cref="ChatbotReply.ErrorBodyExcerpt"/>: 1,024.</summary>
    public const int MaxErrorBodyExcerptBytes = 1024;

    /// <summary>The most characters of a redirect's <c>Location</c> kept in <see cref="ChatbotReply.RedirectLocation"/>: 2,048.</summary>
    public const int MaxRedirectLocationLength = RedirectRules.MaxLocationLength;

    private readonly HttpClient _httpClient;
    private readonly ChatbotClientCore _core;

    /// <summary>Initializes a new instance that calls <paramref name="destination"/> through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">
    /// The HTTP client. Its <see cref="HttpClient.Timeout"/> should be <see cref="Timeout.InfiniteTimeSpan"/>: the
    /// destination's <see cref="ChatbotLimits.TotalResponseTime"/> is enforced by this client. Its handler should not
    /// follow redirects (<see cref="SocketsHttpHandler.AllowAutoRedirect"/> off): a handler that does may send the
    /// configured headers to another origin before the client can refuse the reply, which then ends as
    /// <see cref="ChatbotOutcome.HttpError"/> (docs/protocol.md#hostile-bots).
    /// </param>
    /// <param name="destination">The destination; it is validated and copied, so later changes to it have no effect.</param>
    /// <param name="retryOptions">When failed requests are sent again; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where replies that do not complete are logged; nowhere when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for the time limit, retries and timings; the system clock when <see langword="null"/>.</param>
    /// <param name="meterFactory">Creates the meter; a meter of the process's own when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ChatbotConfigurationException">
    /// The destination or the retry options are invalid (for example a header with CR or LF, or a configured
    /// <c>Content-Type</c>); nothing has been sent.
    /// </exception>
    public ChatbotClient(
        HttpClient httpClient,
        ChatbotDestination destination,
        ChatbotRetryOptions? retryOptions = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(destination);
        _httpClient = httpClient;
        _core = new ChatbotClientCore(destination, retryOptions, logger, timeProvider, ChatbotTelemetry.Create(meterFactory));
    }

    internal ChatbotClient(HttpClient httpClient, ChatbotClientCore core)
    {
        _httpClient = httpClient;
        _core = core;
    }

    /// <summary>Gets a copy of the destination this client calls, taken when the client was made.</summary>
    public ChatbotDestination Destination => _core.Destination;

    /// <inheritdoc />
    public async Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await foreach (var update in CallAsync(request, options, yieldUpdates: false, cancellationToken).ConfigureAwait(false))
        {
            if (update.Kind == ChatbotReplyUpdateKind.Completed)
            {
                return update.Reply!;
            }
        }

        throw new UnreachableException("A call always ends with its reply.");
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatbotReplyUpdate> StreamAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(request, options, yieldUpdates: true, cancellationToken);
    }

    /// <summary>
    /// One call: send (with retries), then read the body. With <paramref name="yieldUpdates"/> off nothing but the
    /// final update is yielded, and a caller's cancellation after the response arrived ends the reply as
    /// <see cref="ChatbotOutcome.Interrupted"/> instead of throwing.
    /// </summary>
    private async IAsyncEnumerable<ChatbotReplyUpdate> CallAsync(
        ChatbotRequest request, ChatbotSendOptions? options, bool yieldUpdates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var core = _core;
        var time = core.TimeProvider;
        var start = time.GetTimestamp();
        var stream = core.RequestsStream(options);
        var body = core.SerializeRequest(request);

        using var activity = ChatbotTelemetry.StartCall(core.Destination, request.InquiryId, stream);

        // The caller, the total response time and — once a streamed event completes the message — the final-event
        // drain time, on one source and one timer.
        using var cancellation = new CallCancellation(core.Limits.TotalResponseTime, core.Limits.FinalEventDrainTime, time, cancellationToken);
        var token = cancellation.Token;

        var sent = await core.SendAsync(_httpClient, body, stream, new ChatbotRetryStrategy.CallBudget(start, core.Limits.TotalResponseTime, request.InquiryId), token).ConfigureAwait(false);
        if (sent.Exception is { } sendFailure)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The contract: cancelled before any response arrived throws.
                throw new OperationCanceledException("The call was cancelled before the chatbot answered.", sendFailure, cancellationToken);
            }

            var failedReply = FailureBeforeResponse(sendFailure, cancellation.DeadlinePassed, start);
            Finish(activity, request, failedReply);
            yield return ChatbotReplyUpdate.Completed(failedReply);
            yield break;
        }

        using var response = sent.Result!;
        var timeToFirstByte = time.GetElapsedTime(start);
        var statusCode = (int)response.StatusCode;
        var coding = ContentCodings.FindNonIdentity(response.Content);
        var landedAt = RedirectRules.FollowedByHandler(response);
        if (!response.IsSuccessStatusCode || landedAt is not null)
        {
            // docs/protocol.md#hostile-bots: an encoded body is never shown as text, not even as an excerpt.
            var (excerpt, excerptBytes) = coding is null ? await ReadExcerptAsync(response, token).ConfigureAwait(false) : (null, 0L);
            if (yieldUpdates)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var errorReply = new ChatbotReply
            {
                Outcome = ChatbotOutcome.HttpError,
                StatusCode = statusCode,
                ErrorBodyExcerpt = excerpt,
                BytesRead = excerptBytes,
                RedirectLocation = landedAt?.OriginalString ?? (RedirectRules.IsRedirect(response.StatusCode) ? RedirectRules.LocationOf(response) : null),
                FailureReason = DescribeHttpError(response, landedAt, coding),
                Timings = new ChatbotTimings(timeToFirstByte, null, time.GetElapsedTime(start)),
            };
            response.Dispose();
            Finish(activity, request, errorReply);
            yield return ChatbotReplyUpdate.Completed(errorReply);
            yield break;
        }

        if (coding is not null)
        {
            var refused = new ChatbotReply
            {
                Outcome = ChatbotOutcome.InvalidResponse,
                StatusCode = statusCode,
                FailureReason = ContentCodings.DescribeRefused(coding),
                Timings = new ChatbotTimings(timeToFirstByte, null, time.GetElapsedTime(start)),
            };
            response.Dispose();
            Finish(activity, request, refused);
            yield return ChatbotReplyUpdate.Completed(refused);
            yield break;
        }

        using var reader = new ChatbotReplyReader(core.Limits, core.Destination.TransferToLiveAgent, time, start);
        reader.MessageCompleted = cancellation.StartDrain;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        ChatbotOutcome? failure = null;
        string? failureReason = null;
        if (!yieldUpdates)
        {
            try
            {
                var content = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await reader.ReadToEndAsync(content, mediaType, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ClassifyReadFailure(exception, buffered: true, cancellation, cancellationToken) is { } outcome)
            {
                (failure, failureReason) = StopOrFail(exception, outcome, cancellation, reader);
            }
        }
        else
        {
            var readEnded = false;
            try
            {
                IAsyncEnumerator<ChatbotReplyUpdate>? updates = null;
                try
                {
                    var content = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                    updates = reader.ReadUpdatesAsync(content, mediaType, token).GetAsyncEnumerator(token);
                }
                catch (Exception exception) when (ClassifyReadFailure(exception, buffered: false, cancellation, cancellationToken) is { } outcome)
                {
                    (failure, failureReason) = StopOrFail(exception, outcome, cancellation, reader);
                }

                if (updates is not null)
                {
                    await using (updates.ConfigureAwait(false))
                    {
                        while (true)
                        {
                            try
                            {
                                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                                {
                                    break;
                                }
                            }
                            catch (Exception exception) when (ClassifyReadFailure(exception, buffered: false, cancellation, cancellationToken) is { } outcome)
                            {
                                (failure, failureReason) = StopOrFail(exception, outcome, cancellation, reader);
                                break;
                            }

                            yield return updates.Current;
                        }
                    }
                }

                readEnded = true;
            }
            finally
            {
                if (!readEnded)
                {
                    // The caller cancelled, or stopped enumerating, before the reply ended: no Completed update will be
                    // yielded, but the reply still ends as interrupted (docs/protocol.md#outcomes) and is logged and measured once.
                    var reason = cancellationToken.IsCancellationRequested
                        ? "The caller cancelled the call after the reply had started."
                        : "The caller stopped reading the updates before the reply ended.";
                    Finish(activity, request, reader.CreateReply(ChatbotOutcome.Interrupted, reason, statusCode, timeToFirstByte));
                }
            }
        }

        // Release the connection before handing over the reply: a caller may never ask for the next update.
        response.Dispose();
        var reply = reader.CreateReply(failure, failureReason, statusCode, timeToFirstByte);
        Finish(activity, request, reply);
        if (yieldUpdates)
        {
            for (var i = reader.YieldedWarningCount; i < reply.Warnings.Count; i++)
            {
                yield return ChatbotReplyUpdate.ForWarning(reply.Warnings[i]);
            }
        }

        yield return ChatbotReplyUpdate.Completed(reply);
    }

    /// <summary>
    /// Tells the client stopping a stream the bot kept open after a complete message (the reply stays complete, with a
    /// warning) from a read that failed.
    /// </summary>
    private (ChatbotOutcome? Failure, string? Reason) StopOrFail(
        Exception exception, ChatbotOutcome outcome, CallCancellation cancellation, ChatbotReplyReader reader)
    {
        if (exception is OperationCanceledException && cancellation.DrainEnded && reader.IsMessageComplete && outcome == ChatbotOutcome.Interrupted)
        {
            reader.NoteStreamKeptOpen(cancellation.DrainTime);
            return (null, null);
        }

        return (outcome, DescribeReadFailure(exception, outcome));
    }

    /// <summary>Turns a failure before any response into the reply that reports it.</summary>
    private ChatbotReply FailureBeforeResponse(Exception exception, bool deadlinePassed, long start)
    {
        var total = _core.TimeProvider.GetElapsedTime(start);
        ChatbotOutcome outcome;
        string reason;
        if (deadlinePassed || exception is TaskCanceledException { InnerException: TimeoutException })
        {
            outcome = ChatbotOutcome.TimedOut;
            reason = deadlinePassed
                ? string.Create(CultureInfo.InvariantCulture, $"No response arrived within the total response time of {_core.Limits.TotalResponseTime.TotalSeconds:0.###} s.")
                : "No response arrived before HttpClient.Timeout; set it to Timeout.InfiniteTimeSpan so the destination's total response time applies.";
        }
        else if (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            outcome = ChatbotOutcome.Unreachable;
            reason = "The chatbot could not be reached: " + exception.Message;
        }
        else
        {
            // docs/protocol.md#hostile-bots: whatever the peer makes the runtime (or a handler) throw ends the call with one outcome.
            outcome = ChatbotOutcome.Unreachable;
            reason = $"The request failed before any response ({exception.GetType().Name}): {exception.Message}";
        }

        return new ChatbotReply
        {
            Outcome = outcome,
            FailureReason = reason,
            Timings = new ChatbotTimings(null, null, total),
        };
    }

    /// <summary>
    /// Names the outcome of a failure while the body was read; <see langword="null"/> lets it propagate (only a caller's
    /// cancellation of a stream). Anything the runtime throws for a body it cannot read is <see cref="ChatbotOutcome.InvalidResponse"/>.
    /// </summary>
    private static ChatbotOutcome? ClassifyReadFailure(Exception exception, bool buffered, CallCancellation cancellation, CancellationToken caller)
    {
        if (exception is OperationCanceledException)
        {
            if (caller.IsCancellationRequested)
            {
                return buffered ? ChatbotOutcome.Interrupted : null;
            }

            return cancellation.DeadlinePassed ? ChatbotOutcome.TimedOut : ChatbotOutcome.Interrupted;
        }

        return ChatbotReplyReader.Classify(exception) ?? ChatbotOutcome.InvalidResponse;
    }

    private string DescribeReadFailure(Exception exception, ChatbotOutcome outcome) => outcome switch
    {
        ChatbotOutcome.TimedOut => string.Create(CultureInfo.InvariantCulture,
            $"The reply did not end within the total response time of {_core.Limits.TotalResponseTime.TotalSeconds:0.###} s."),
        ChatbotOutcome.Interrupted when exception is OperationCanceledException => "The caller cancelled the call after the reply had started.",
        ChatbotOutcome.Interrupted => "The connection broke while the reply was being read: " + exception.Message,
        ChatbotOutcome.InvalidResponse when ChatbotReplyReader.Classify(exception) is null =>
            $"The reply could not be read ({exception.GetType().Name}): {exception.Message}",
        _ => exception.Message,
    };

    /// <summary>Reads the start of an error body, keeping whatever arrived if reading fails.</summary>
    private static async Task<(string? Excerpt, long Bytes)> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxErrorBodyExcerptBytes];
        var length = 0;
        try
        {
            using var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while (length < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
#pragma warning disable CA1031 // The status already says what happened; the excerpt is whatever arrived, whatever broke it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        if (length == 0)
        {
            return (null, 0);
        }

        // Decode what is complete; a character cut by the cap is left out rather than shown broken.
        var chars = new char[length];
        Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out _, out var written, replaceInvalidSequences: true, isFinalBlock: false);
        return (new string(chars, 0, written), length);
    }

    private string DescribeHttpError(HttpResponseMessage response, Uri? landedAt, string? coding)
    {
        var status = (int)response.StatusCode;
        string reason;
        if (landedAt is not null)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"The HTTP handler followed a redirect to {RedirectRules.OriginOf(landedAt)} and got HTTP {status}; the reply is not the chatbot's. Give the client a handler whose AllowAutoRedirect is false (the registered clients have one).");
        }
        else if (RedirectRules.IsRedirect(response.StatusCode))
        {
            reason = RedirectRules.DescribeNotFollowed(_core.Destination, response);
        }
        else
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"The chatbot answered HTTP {status} {response.ReasonPhrase}.");
        }

        return coding is null ? reason : $"{reason} Its body has Content-Encoding '{coding}' and is not shown.";
    }

    private void Finish(Activity? activity, ChatbotRequest request, ChatbotReply reply)
    {
        var core = _core;
        core.Telemetry.Record(activity, core.Destination, reply);
        var level = reply.IsCompleted ? LogLevel.Debug : ChatbotClientLog.LevelOf(reply.Outcome);
        if (!core.Logger.IsEnabled(level))
        {
            return;
        }

        var inquiryId = ChatbotClientLog.InquiryIdForLog(request.InquiryId);
        if (reply.IsCompleted)
        {
            ChatbotClientLog.ReplyCompleted(core.Logger, core.Destination.Name, inquiryId, reply.BytesRead, reply.Streamed, reply.Warnings.Count, reply.Timings.Total);
        }
        else
        {
            var reason = reply.FailureReason ?? ChatbotTelemetry.NameOf(reply.Outcome);
            ChatbotClientLog.ReplyNotCompleted(core.Logger, level, core.Destination.Name, inquiryId, reply.Outcome, reason);
        }
    }
}

using System.IO.Pipelines;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Writes a handler's stream of text within the limits (docs/protocol.md): as Server-Sent Events straight into the
/// response's <see cref="PipeWriter"/>, or collected into one JSON text reply.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TextEventEncoder"/> turns the texts into events within the limits, synchronously; this type moves them:
/// the handler pump (<c>StreamReplyWriter.Pump.cs</c>), the SSE writing loop (<c>.EventStream.cs</c>) and the JSON
/// collector (<c>.Collecting.cs</c>).
/// </para>
/// <para>
/// Each event is written once, in its final form, into the response's <see cref="PipeWriter"/> (<c>.EventStream.cs</c>
/// says why not through <c>SseFormatter</c>). The response is flushed before the writer waits for the handler's next
/// text, when <see cref="SendThreshold"/> bytes have built up, and at the end: no event waits in a buffer while the
/// handler works, and texts the handler has ready at once go out together, as one chunk and one send.
/// </para>
/// <para>
/// Nothing here throws for the handler's sake: the way the reply ended is in <see cref="End"/>, and the handler's
/// exception in <see cref="HandlerException"/>. One instance writes one reply.
/// </para>
/// </remarks>
internal sealed partial class StreamReplyWriter : IAsyncDisposable
{
    private readonly IAsyncEnumerator<string> _deltas;
    private readonly ChatbotServerOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource? _handlerCancellation;
    private readonly CancellationToken _handlerToken;
    private readonly CancellationToken _requestAborted;
    private readonly TextEventEncoder _encoder;
    private readonly long _maxResponse;
    private PooledByteBuffer? _whole;
    private PipeWriter? _destination;
    private Action? _onStart;
    private Task<bool>? _abandonedMoveNext;
    private string? _current;
    private bool _sourceEnded;
    private bool _stopped;
    private long _unflushedBytes;
    private int _eventBytes;
    private bool _plainPending;
    private bool _endOfStream;
    private Phase _phase;

    /// <summary>Initializes a writer for one reply.</summary>
    /// <param name="deltas">The handler's texts.</param>
    /// <param name="options">The limits and stream settings; already validated.</param>
    /// <param name="time">The clock for keep-alive comments.</param>
    /// <param name="handlerCancellation">
    /// The source of <paramref name="handlerToken"/>, cancelled when the reply ends early so the handler stops; if any.
    /// </param>
    /// <param name="handlerToken">Cancelled when the time budget runs out or the request is aborted.</param>
    /// <param name="requestAborted">Cancelled when the platform disconnects.</param>
    public StreamReplyWriter(
        IAsyncEnumerable<string> deltas,
        ChatbotServerOptions options,
        TimeProvider time,
        CancellationTokenSource? handlerCancellation,
        CancellationToken handlerToken,
        CancellationToken requestAborted)
    {
        _options = options;
        _time = time;
        _handlerCancellation = handlerCancellation;
        _handlerToken = handlerToken;
        _requestAborted = requestAborted;
        _maxResponse = options.Limits.MaxResponseBytes;
        _encoder = new TextEventEncoder(options);
        try
        {
            _deltas = deltas.GetAsyncEnumerator(handlerToken);
        }
        catch (Exception exception)
        {
            // A hand-written stream can fail before its first text: the handler failed before anything was written.
            _deltas = AsyncEnumerable.Empty<string>().GetAsyncEnumerator(CancellationToken.None);
            Stopped(exception, pending: null);
        }
    }

    private enum Phase
    {
        Text,
        Pull,
        Closing,
        Done,
    }

    private enum Pull
    {
        Item,
        End,
        Stopped,
    }

    /// <summary>Gets how the reply ended.</summary>
    public StreamReplyEnd End { get; private set; }

    /// <summary>Gets the handler's exception when <see cref="End"/> is <see cref="StreamReplyEnd.HandlerFailed"/>.</summary>
    public Exception? HandlerException { get; private set; }

    /// <summary>
    /// Gets or sets a value indicating whether the writer flushes once the last event is written. A server that sends
    /// what is left when the response completes can leave it off, so the last events and the end of the response leave
    /// together.
    /// </summary>
    public bool FlushAtEnd { get; set; } = true;

    /// <summary>Gets a value indicating whether the event stream's response has started.</summary>
    public bool HasStarted { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="CollectAsync"/> collected any text other than white space.</summary>
    public bool HasVisibleText { get; private set; }

    /// <summary>Gets the number of events written, the closing one included.</summary>
    public int EventCount { get; private set; }

    /// <summary>Gets the number of body bytes written (events and comments) or collected (the whole JSON body).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Gets the escaped text collected by <see cref="CollectAsync"/>.</summary>
    public ReadOnlyMemory<byte> CollectedText => _whole?.WrittenMemory ?? default;

    /// <summary>
    /// Writes the stream as Server-Sent Events. The response starts (<paramref name="onStart"/> is called) only
    /// when the first text arrives or a keep-alive comment is due; until then a failure leaves the response untouched.
    /// </summary>
    /// <param name="destination">The response body; the writer flushes it but never completes it.</param>
    /// <param name="onStart">Called once, just before the first byte is written.</param>
    /// <returns>A task that completes when the last event is written (and flushed, when <see cref="FlushAtEnd"/>).</returns>
    public async Task WriteEventStreamAsync(PipeWriter destination, Action? onStart)
    {
        _destination = destination;
        _onStart = onStart;

        string? first = null;
        while (first is null)
        {
            if (await PullAsync(keepAlive: true).ConfigureAwait(false) != Pull.Item)
            {
                break;
            }

            if (!string.IsNullOrEmpty(_current))
            {
                first = _current;
            }
        }

        if (End is StreamReplyEnd.HandlerFailed or StreamReplyEnd.Disconnected || (first is null && !HasStarted))
        {
            return;
        }

        Start();
        _encoder.Add(first);
        _phase = first is null ? Phase.Pull : Phase.Text;
        try
        {
            await WriteEventsAsync(destination).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException || _requestAborted.IsCancellationRequested)
        {
            Disconnected(pending: null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (End != StreamReplyEnd.Completed && _handlerCancellation is { } cancellation)
        {
            // The handler hears that the reply ended early before its enumerator is disposed.
            await cancellation.CancelAsync().ConfigureAwait(false);
        }

        if (_abandonedMoveNext is { } pending)
        {
            // The handler ignored cancellation and is still producing: dispose its enumerator once it yields.
            _ = DisposeWhenDoneAsync(pending, _deltas);
        }
        else
        {
            try
            {
                await _deltas.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The handler's clean-up failing must not turn a reply that was already sent into an error.
            }
        }

        _encoder.Dispose();
        _whole?.Dispose();
    }

    private static async Task DisposeWhenDoneAsync(Task<bool> pending, IAsyncEnumerator<string> deltas)
    {
        try
        {
            await pending.ConfigureAwait(false);
            await deltas.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Observed so it is not reported as unobserved; the reply already ended.
        }
    }
}

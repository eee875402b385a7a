using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Writes a handler's stream of text within the limits (SPEC §4, §5): as Server-Sent Events through
/// <see cref="SseFormatter"/>, or collected into one JSON text reply.
/// </summary>
/// <remarks>
/// <para>
/// Each text is escaped once and cut into events whose size on the wire, framing included, never exceeds
/// <see cref="ChatbotLimits.MaxEventBytes"/>; the whole response never exceeds
/// <see cref="ChatbotLimits.MaxResponseBytes"/> (room for the closing event is kept back from the start). A high
/// surrogate at the end of one text waits for the low surrogate at the start of the next, so a character split
/// across two texts is still written whole.
/// </para>
/// <para>
/// Events go through <see cref="SseFormatter"/>. The response is flushed before the writer waits for the handler's
/// next text and at the end: no event waits in a buffer while the handler works, and texts the handler has ready at
/// once go out together (servers such as Kestrel send on every write anyway).
/// </para>
/// <para>
/// Nothing here throws for the handler's sake: the way the reply ended is in <see cref="End"/>, and the handler's
/// exception in <see cref="HandlerException"/>. One instance writes one reply.
/// </para>
/// </remarks>
internal sealed class StreamReplyWriter : IAsyncDisposable
{
    private readonly IAsyncEnumerator<string> _deltas;
    private readonly ChatbotServerOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource? _handlerCancellation;
    private readonly CancellationToken _handlerToken;
    private readonly CancellationToken _requestAborted;
    private readonly JsonTextEscaper _escaper = new();
    private readonly PooledByteBuffer _event = new(512);
    private readonly int _maxEventPayload;
    private readonly long _maxResponse;
    private readonly int _reserve;
    private PooledByteBuffer? _whole;
    private char[]? _finalText;
    private int _finalLength;
    private Stream _destination = Stream.Null;
    private Action? _onStart;
    private Task<bool>? _abandonedMoveNext;
    private string? _current;
    private char _pendingHighSurrogate;
    private bool _sourceEnded;
    private bool _stopped;
    private bool _eventPending;
    private bool _unflushed;
    private int _eventBytes;
    private bool _plainPending;
    private bool _endOfStream;
    private Phase _phase;
    private ReadOnlyMemory<char> _text;
    private PooledByteBuffer? _pending;
    private int _pendingOffset;

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
        _maxEventPayload = options.Limits.MaxEventBytes - ReplyFraming.EventFraming;
        _maxResponse = options.Limits.MaxResponseBytes;
        _reserve = options.StreamCompletion == ChatbotStreamCompletion.None ? 0 : ReplyFraming.DoneEventBytes;
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
    /// Writes the stream as Server-Sent Events into a destination, such as an empty stream in a benchmark.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> WriteEventStreamAsync(
        IAsyncEnumerable<string> deltas, Stream destination, ChatbotServerOptions options, CancellationToken cancellationToken = default)
    {
        var writer = new StreamReplyWriter(deltas, options, TimeProvider.System, null, cancellationToken, cancellationToken);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteEventStreamAsync(destination, onStart: null).ConfigureAwait(false);
            return writer.BytesWritten;
        }
    }

    /// <summary>
    /// Writes the stream as Server-Sent Events. The response starts (<paramref name="onStart"/> is called) only
    /// when the first text arrives or a keep-alive comment is due; until then a failure leaves the response untouched.
    /// </summary>
    public async Task WriteEventStreamAsync(Stream destination, Action? onStart)
    {
        _destination = destination;
        _onStart = onStart;
        if (_options.StreamCompletion == ChatbotStreamCompletion.FinalEvent)
        {
            _finalText = ArrayPool<char>.Shared.Rent(1024);
        }

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
        RememberForFinal(first);
        _text = TakeText(first, endOfStream: false);
        _phase = first is null ? Phase.Pull : Phase.Text;
        try
        {
            // No token for the writes: registering one on every write costs measurably on Kestrel, which completes
            // writes to a gone connection at once anyway; each event checks the token instead.
            await SseFormatter.WriteAsync(new EventSource(this), destination, static (item, output) => item.Data.WriteEvent(output), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException || _requestAborted.IsCancellationRequested)
        {
            End = StreamReplyEnd.Disconnected;
        }
    }

    /// <summary>Collects the stream into <see cref="CollectedText"/>, for a JSON reply whose body stays within the response limit.</summary>
    public async Task CollectAsync()
    {
        _whole = new PooledByteBuffer(1024);
        var room = _maxResponse - ChatbotWire.TextPrefix.Length - ChatbotWire.MessageSuffix.Length;
        while (true)
        {
            var pull = await PullAsync(keepAlive: false).ConfigureAwait(false);
            if (pull == Pull.Stopped)
            {
                break;
            }

            if (pull == Pull.End)
            {
                if (_pendingHighSurrogate == '\0')
                {
                    break;
                }

                _current = string.Empty;
            }

            var text = TakeText(_current, endOfStream: pull == Pull.End);
            if (!Collect(text, room))
            {
                End = StreamReplyEnd.ResponseLimit;
                _handlerCancellation?.Cancel();
                break;
            }

            if (pull == Pull.End)
            {
                break;
            }
        }

        BytesWritten = ChatbotWire.TextPrefix.Length + _whole.Count + ChatbotWire.MessageSuffix.Length;
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

        ReturnFinalText();
        _escaper.Dispose();
        _event.Dispose();
        _pending?.Dispose();
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

    /// <summary>
    /// Moves to the next event for <see cref="SseFormatter"/>. Hand-written rather than an async iterator so that
    /// a text the handler has ready at once becomes an event without any asynchronous machinery; only waiting for
    /// the handler or for a flush goes through (pooled) async methods.
    /// </summary>
    private ValueTask<bool> MoveNextEventAsync()
    {
        if (_eventPending)
        {
            // SseFormatter asks for the next event only once it has written the last one.
            _eventPending = false;
            _unflushed = true;
            EventCount++;
            BytesWritten += _eventBytes + ReplyFraming.EventFraming;
        }

        return AdvanceEvents();
    }

    private ValueTask<bool> AdvanceEvents()
    {
        if (_requestAborted.IsCancellationRequested && _phase != Phase.Done)
        {
            _phase = Phase.Done;
            _stopped = true;
            End = StreamReplyEnd.Disconnected;
            _handlerCancellation?.Cancel();
            return new(false);
        }

        while (true)
        {
            switch (_phase)
            {
                case Phase.Text:
                    if (TryBuildDeltaEvent())
                    {
                        _plainPending = false;
                        _eventBytes = _event.Count;
                        _eventPending = true;
                        return new(true);
                    }

                    _phase = End == StreamReplyEnd.ResponseLimit || _endOfStream ? Phase.Closing : Phase.Pull;
                    break;
                case Phase.Pull:
                    if (_stopped || _sourceEnded)
                    {
                        Pulled(_stopped ? Pull.Stopped : Pull.End);
                        break;
                    }

                    if (_handlerToken.IsCancellationRequested)
                    {
                        Pulled(Stopped(new OperationCanceledException(_handlerToken), pending: null));
                        break;
                    }

                    // The hot path, inlined: the handler has its next text ready.
                    ValueTask<bool> next;
                    try
                    {
                        next = _deltas.MoveNextAsync();
                    }
                    catch (Exception exception)
                    {
                        Pulled(Stopped(exception, pending: null));
                        break;
                    }

                    if (!next.IsCompletedSuccessfully)
                    {
                        return AfterPullAsync(WaitForNextAsync(next.AsTask(), keepAlive: true));
                    }

                    var pulled = Took(next.Result);
                    if (pulled == Pull.Item && TryTakePlainEvent())
                    {
                        return new(true);
                    }

                    Pulled(pulled);
                    break;
                case Phase.Closing:
                    _phase = Phase.Done;
                    if (End == StreamReplyEnd.ResponseLimit)
                    {
                        _handlerCancellation?.Cancel();
                    }

                    if (End is StreamReplyEnd.HandlerFailed or StreamReplyEnd.Disconnected || !TryBuildClosingEvent())
                    {
                        return EndEvents();
                    }

                    _plainPending = false;
                    _eventBytes = _event.Count;
                    _eventPending = true;
                    return new(true);
                default:
                    return EndEvents();
            }
        }
    }

    /// <summary>
    /// The usual event: a text that needs no escaping (printable ASCII without quotes or backslashes) and fits.
    /// It is not copied here: <see cref="WriteEvent"/> writes it straight into <see cref="SseFormatter"/>'s buffer.
    /// </summary>
    private bool TryTakePlainEvent()
    {
        var text = _current;
        if (string.IsNullOrEmpty(text) || _pendingHighSurrogate != '\0' || !JsonTextEscaper.IsPlain(text))
        {
            return false;
        }

        var size = ChatbotWire.TextPrefix.Length + text.Length + ChatbotWire.DeltaSuffix.Length;
        if (size > Math.Min(_maxEventPayload, _maxResponse - BytesWritten - _reserve - ReplyFraming.EventFraming))
        {
            return false;
        }

        RememberForFinal(text);
        _plainPending = true;
        _eventBytes = size;
        _eventPending = true;
        return true;
    }

    /// <summary>Writes the current event's data for <see cref="SseFormatter"/>.</summary>
    private void WriteEvent(IBufferWriter<byte> output)
    {
        if (!_plainPending || _current is not { } text)
        {
            output.Write(_event.WrittenSpan);
            return;
        }

        var prefix = ChatbotWire.TextPrefix;
        var suffix = ChatbotWire.DeltaSuffix;
        var span = output.GetSpan(_eventBytes);
        prefix.CopyTo(span);
        JsonTextEscaper.CopyPlain(text, span.Slice(prefix.Length, text.Length));
        suffix.CopyTo(span[(prefix.Length + text.Length)..]);
        output.Advance(_eventBytes);
    }

    private ValueTask<bool> EndEvents() => _unflushed && FlushAtEnd ? FlushThenEndAsync() : new(false);

    private async ValueTask<bool> FlushThenEndAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Flushes what was written since the last flush. Called before the writer waits for the handler (and at the
    /// end), so no event ever sits in a buffer while the handler thinks; events the handler has ready at once go
    /// out together, which saves a flush per event on servers whose writes already send.
    /// </summary>
    private Task FlushAsync()
    {
        if (!_unflushed)
        {
            return Task.CompletedTask;
        }

        _unflushed = false;
        return _destination.FlushAsync(CancellationToken.None);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AfterPullAsync(ValueTask<Pull> pull)
    {
        Pulled(await pull.ConfigureAwait(false));
        return await AdvanceEvents().ConfigureAwait(false);
    }

    private void Pulled(Pull pull)
    {
        if (pull == Pull.Item)
        {
            RememberForFinal(_current);
            _text = TakeText(_current, endOfStream: false);
            _phase = Phase.Text;
        }
        else if (pull == Pull.End && _pendingHighSurrogate != '\0')
        {
            // A high surrogate still waiting for its pair: the stream ended, so it is written as U+FFFD.
            _endOfStream = true;
            _text = TakeText(string.Empty, endOfStream: true);
            _phase = Phase.Text;
        }
        else
        {
            _phase = Phase.Closing;
        }
    }

    private void Start()
    {
        if (!HasStarted)
        {
            HasStarted = true;
            _onStart?.Invoke();
        }
    }

    // Most handlers' next text is often ready at once: only waiting for it goes through an async method. The token is
    // checked before each pull because a handler whose texts are all ready at once (empty ones, say) never waits,
    // and waiting is where the time budget and a disconnect are otherwise noticed.
    private ValueTask<Pull> PullAsync(bool keepAlive)
    {
        if (_stopped || _sourceEnded)
        {
            return new(_stopped ? Pull.Stopped : Pull.End);
        }

        if (_handlerToken.IsCancellationRequested)
        {
            return new(Stopped(new OperationCanceledException(_handlerToken), pending: null));
        }

        ValueTask<bool> next;
        try
        {
            next = _deltas.MoveNextAsync();
            if (next.IsCompletedSuccessfully)
            {
                return new(Took(next.Result));
            }
        }
        catch (Exception exception)
        {
            return new(Stopped(exception, pending: null));
        }

        return WaitForNextAsync(next.AsTask(), keepAlive);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Pull> WaitForNextAsync(Task<bool> pending, bool keepAlive)
    {
        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            _stopped = true;
            _abandonedMoveNext = pending;
            _handlerCancellation?.Cancel();
            End = StreamReplyEnd.Disconnected;
            return Pull.Stopped;
        }

        try
        {
            if (keepAlive && _options.KeepAliveInterval is { } interval)
            {
                while (!await WaitOrIdleAsync(pending, interval).ConfigureAwait(false))
                {
                    if (!await WriteKeepAliveAsync().ConfigureAwait(false))
                    {
                        _stopped = true;
                        _abandonedMoveNext = pending;
                        _handlerCancellation?.Cancel();
                        End = StreamReplyEnd.Disconnected;
                        return Pull.Stopped;
                    }
                }
            }

            return Took(await pending.WaitAsync(_handlerToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Stopped(exception, pending);
        }
    }

    private Pull Took(bool hasItem)
    {
        if (!hasItem)
        {
            _sourceEnded = true;
            return Pull.End;
        }

        _current = _deltas.Current;
        return Pull.Item;
    }

    private Pull Stopped(Exception exception, Task<bool>? pending)
    {
        _stopped = true;
        if (exception is OperationCanceledException && _handlerToken.IsCancellationRequested)
        {
            if (pending is { IsCompleted: false })
            {
                _abandonedMoveNext = pending;
            }

            End = _requestAborted.IsCancellationRequested ? StreamReplyEnd.Disconnected : StreamReplyEnd.TimeBudget;
        }
        else
        {
            HandlerException = exception;
            End = StreamReplyEnd.HandlerFailed;
        }

        return Pull.Stopped;
    }

    /// <summary>Waits for the handler's next text; returns false when the keep-alive interval passes first.</summary>
    private async Task<bool> WaitOrIdleAsync(Task<bool> pending, TimeSpan interval)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(_handlerToken);
        var delay = Task.Delay(interval, _time, idle.Token);
        var first = await Task.WhenAny(pending, delay).ConfigureAwait(false);
        if (first == pending || _handlerToken.IsCancellationRequested)
        {
            await idle.CancelAsync().ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task<bool> WriteKeepAliveAsync()
    {
        if (BytesWritten + ReplyFraming.KeepAlive.Length + _reserve > _maxResponse)
        {
            return true; // No room left for comments; the budget is kept for text and the closing event.
        }

        try
        {
            Start();
            _event.Clear();
            _event.Write(ReplyFraming.KeepAlive);
            await _destination.WriteAsync(_event.WrittenMemory, _requestAborted).ConfigureAwait(false);
            await _destination.FlushAsync(_requestAborted).ConfigureAwait(false);
            _unflushed = false;
            BytesWritten += ReplyFraming.KeepAlive.Length;
            return true;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Applies the surrogate carried from the previous text, and holds back a trailing high surrogate.</summary>
    private ReadOnlyMemory<char> TakeText(string? delta, bool endOfStream)
    {
        if (string.IsNullOrEmpty(delta) && !endOfStream)
        {
            return default; // An empty piece keeps a carried high surrogate waiting for its pair.
        }

        var text = (delta ?? string.Empty).AsMemory();
        if (_pendingHighSurrogate != '\0')
        {
            var carried = _pendingHighSurrogate;
            _pendingHighSurrogate = '\0';
            text = (text.Length > 0 && char.IsLowSurrogate(text.Span[0]) ? string.Concat(new ReadOnlySpan<char>(in carried), text.Span) : "\uFFFD" + delta).AsMemory();
        }

        if (!endOfStream && text.Length > 0 && char.IsHighSurrogate(text.Span[^1]))
        {
            _pendingHighSurrogate = text.Span[^1];
            text = text[..^1];
        }

        return text;
    }

    /// <summary>The next run of text to escape: at most <paramref name="maxChars"/>, never ending inside a surrogate pair.</summary>
    private static ReadOnlyMemory<char> Window(ReadOnlyMemory<char> text, long maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var length = (int)Math.Max(maxChars, 1);
        if (char.IsHighSurrogate(text.Span[length - 1]))
        {
            length = length > 1 ? length - 1 : 2;
        }

        return text[..length];
    }

    private bool TryBuildDeltaEvent()
    {
        var room = Math.Min(_maxEventPayload, _maxResponse - BytesWritten - _reserve - ReplyFraming.EventFraming)
            - ChatbotWire.TextPrefix.Length - ChatbotWire.DeltaSuffix.Length;
        var pending = _pending is null ? 0 : _pending.Count - _pendingOffset;
        if (pending == 0)
        {
            if (_text.IsEmpty)
            {
                return false;
            }

            // The usual case: the whole text is escaped straight into the event, which is sent if it fits.
            // Each character escapes to at least one byte, so a longer text could never fit.
            if (_text.Length <= room)
            {
                _event.Clear();
                if (TryBuildPlainEvent())
                {
                    return true;
                }

                _event.Write(ChatbotWire.TextPrefix[..^1]);
                var start = _event.Count + 1;
                _escaper.WriteQuoted(_text.Span, _event);
                var length = _event.Count - start - 1;
                if (length <= room)
                {
                    _event.Write(ChatbotWire.DeltaSuffix[1..]);
                    _text = default;
                    return true;
                }

                (_pending ??= new PooledByteBuffer(_event.Count)).Write(_event.WrittenSpan.Slice(start, length));
                _text = default;
            }
        }

        // Escaped text larger than one event: escape window by window and cut full events from the result, each
        // ending between two characters.
        var buffer = _pending ??= new PooledByteBuffer(1024);
        Compact(buffer);
        while (buffer.Count < room && !_text.IsEmpty)
        {
            var window = Window(_text, Math.Max(room - buffer.Count, 1));
            buffer.Write(_escaper.Escape(window.Span).Span);
            _text = _text[window.Length..];
        }

        var escaped = buffer.WrittenSpan;
        if (escaped.IsEmpty && _text.IsEmpty)
        {
            return false;
        }

        var take = escaped.Length <= room ? escaped.Length : JsonTextEscaper.FitPrefix(escaped, (int)Math.Max(room, 0), out _);
        if (take == 0)
        {
            End = StreamReplyEnd.ResponseLimit;
            return false;
        }

        var piece = escaped[..take];
        BuildEvent(piece, ChatbotWire.DeltaSuffix);
        _pendingOffset = take;
        return true;
    }

    /// <summary>Builds the event of a text that needs no escaping in one pass: one copy, no encoder.</summary>
    private bool TryBuildPlainEvent()
    {
        var text = _text.Span;
        var prefix = ChatbotWire.TextPrefix;
        var suffix = ChatbotWire.DeltaSuffix;
        var span = _event.GetSpan(prefix.Length + text.Length + suffix.Length);
        if (!JsonTextEscaper.TryCopyPlain(text, span[prefix.Length..]))
        {
            return false;
        }

        prefix.CopyTo(span);
        suffix.CopyTo(span[(prefix.Length + text.Length)..]);
        _event.Advance(prefix.Length + text.Length + suffix.Length);
        _text = default;
        return true;
    }

    /// <summary>Drops the escaped text already sent from the front of the buffer.</summary>
    private void Compact(PooledByteBuffer buffer)
    {
        if (_pendingOffset > 0)
        {
            buffer.RemoveFront(_pendingOffset);
            _pendingOffset = 0;
        }
    }

    private void BuildEvent(ReadOnlySpan<byte> escapedText, ReadOnlySpan<byte> suffix)
    {
        _event.Clear();
        _event.Write(ChatbotWire.TextPrefix);
        _event.Write(escapedText);
        _event.Write(suffix);
    }

    /// <summary>
    /// Keeps a text for the final event, which carries the whole text: the characters are copied as they come,
    /// and dropped as soon as the whole text could no longer fit in one event (every character takes a byte or more).
    /// </summary>
    private void RememberForFinal(string? text)
    {
        if (_finalText is not { } buffer || string.IsNullOrEmpty(text))
        {
            return;
        }

        var length = _finalLength + text.Length;
        if (length + ChatbotWire.TextPrefix.Length + ChatbotWire.FinalSuffix.Length > _maxEventPayload)
        {
            ReturnFinalText();
            return;
        }

        if (length > buffer.Length)
        {
            var grown = ArrayPool<char>.Shared.Rent(Math.Max(length, buffer.Length * 2));
            buffer.AsSpan(0, _finalLength).CopyTo(grown);
            ArrayPool<char>.Shared.Return(buffer);
            _finalText = buffer = grown;
        }

        text.CopyTo(buffer.AsSpan(_finalLength));
        _finalLength = length;
    }

    private void ReturnFinalText()
    {
        if (_finalText is { } buffer)
        {
            _finalText = null;
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private bool TryBuildClosingEvent()
    {
        if (_options.StreamCompletion == ChatbotStreamCompletion.None)
        {
            return false;
        }

        // After a cut the whole text would not be what was sent, and could not fit anyway.
        if (_finalText is { } text && _finalLength > 0 && End != StreamReplyEnd.ResponseLimit)
        {
            _event.Clear();
            _event.Write(ChatbotWire.TextPrefix);
            _escaper.AppendEscaped(text.AsSpan(0, _finalLength), _event);
            _event.Write(ChatbotWire.FinalSuffix);
            if (_event.Count <= _maxEventPayload && BytesWritten + _event.Count + ReplyFraming.EventFraming <= _maxResponse)
            {
                return true;
            }
        }

        _event.Clear();
        _event.Write(ChatbotWire.Done);
        return true;
    }

    /// <summary>Adds text to the collected reply; returns false when the response limit cut it short.</summary>
    private bool Collect(ReadOnlyMemory<char> text, long room)
    {
        var whole = _whole!;
        while (!text.IsEmpty)
        {
            var left = room - whole.Count;
            if (left <= 0)
            {
                return false;
            }

            var window = Window(text, Math.Min(left, 16 * 1024));
            var escaped = _escaper.Escape(window.Span).Span;
            if (escaped.Length <= left)
            {
                whole.Write(escaped);
                HasVisibleText |= !window.Span.IsWhiteSpace();
                text = text[window.Length..];
                continue;
            }

            var take = JsonTextEscaper.FitPrefix(escaped, (int)left, out var chars);
            whole.Write(escaped[..take]);
            HasVisibleText |= !window.Span[..chars].IsWhiteSpace();
            return false;
        }

        return true;
    }

    /// <summary>The events as <see cref="SseFormatter"/> enumerates them; disposing it leaves the writer alone.</summary>
    private sealed class EventSource(StreamReplyWriter writer) : IAsyncEnumerable<SseItem<StreamReplyWriter>>, IAsyncEnumerator<SseItem<StreamReplyWriter>>
    {
        public SseItem<StreamReplyWriter> Current => new(writer);

        public IAsyncEnumerator<SseItem<StreamReplyWriter>> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

        public ValueTask<bool> MoveNextAsync() => writer.MoveNextEventAsync();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cinnox.Chatbot.Server;

/// <content>The SSE writing loop: events handed to SseFormatter one by one, flushed before each wait.</content>
internal sealed partial class StreamReplyWriter
{
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

    /// <summary>The events as <see cref="SseFormatter"/> enumerates them; disposing it leaves the writer alone.</summary>
    private sealed class EventSource(StreamReplyWriter writer) : IAsyncEnumerable<SseItem<StreamReplyWriter>>, IAsyncEnumerator<SseItem<StreamReplyWriter>>
    {
        public SseItem<StreamReplyWriter> Current => new(writer);

        public IAsyncEnumerator<SseItem<StreamReplyWriter>> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

        public ValueTask<bool> MoveNextAsync() => writer.MoveNextEventAsync();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

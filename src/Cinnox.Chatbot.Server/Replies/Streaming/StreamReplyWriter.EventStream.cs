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
            Disconnected(pending: null);
            return new(false);
        }

        while (true)
        {
            switch (_phase)
            {
                case Phase.Text:
                    if (_encoder.HasLargeDelta)
                    {
                        if (_encoder.TryBeginDeltaPieces(BytesWritten, out var first))
                        {
                            return WritePieces(first);
                        }
                    }
                    else if (_encoder.TryBuildDeltaEvent(BytesWritten))
                    {
                        _plainPending = false;
                        _eventBytes = _encoder.Event.Length;
                        _eventPending = true;
                        return new(true);
                    }

                    if (_encoder.IsCut)
                    {
                        End = StreamReplyEnd.ResponseLimit;
                    }

                    _phase = End == StreamReplyEnd.ResponseLimit || _endOfStream ? Phase.Closing : Phase.Pull;
                    break;
                case Phase.Pull:
                    // The hot path stays synchronous: the handler has its next text ready, and a plain one goes out as
                    // it is.
                    var pull = PullAsync(keepAlive: true);
                    if (!pull.IsCompletedSuccessfully)
                    {
                        return AfterPullAsync(pull);
                    }

                    var pulled = pull.Result;
                    if (pulled == Pull.Item && _encoder.TryTakePlain(_current, BytesWritten, out _eventBytes))
                    {
                        _plainPending = true;
                        _eventPending = true;
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

                    if (End is StreamReplyEnd.HandlerFailed or StreamReplyEnd.Disconnected)
                    {
                        return EndEvents();
                    }

                    if (_encoder.TryBeginFinalPieces(BytesWritten) && _encoder.TryNextPiece(out var firstFinal))
                    {
                        return WritePieces(firstFinal);
                    }

                    if (!_encoder.TryBuildClosingEvent(BytesWritten))
                    {
                        return EndEvents();
                    }

                    _plainPending = false;
                    _eventBytes = _encoder.Event.Length;
                    _eventPending = true;
                    return new(true);
                default:
                    return EndEvents();
            }
        }
    }

    /// <summary>Writes the current event's data for <see cref="SseFormatter"/>.</summary>
    private void WriteEvent(IBufferWriter<byte> output)
    {
        if (_plainPending && _current is { } text)
        {
            TextEventEncoder.WritePlainEvent(text, _eventBytes, output);
        }
        else
        {
            output.Write(_encoder.Event);
        }
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
            _encoder.Add(_current);
            _phase = Phase.Text;
        }
        else if (pull == Pull.End && _encoder.EndText())
        {
            // A high surrogate still waiting for its pair: the stream ended, so it is written as U+FFFD.
            _endOfStream = true;
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

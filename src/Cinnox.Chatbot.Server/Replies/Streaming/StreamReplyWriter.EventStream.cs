using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Server;

/// <content>
/// The SSE writing loop: each event written once, in its final form, straight into the response's
/// <see cref="PipeWriter"/>, and flushed before each wait.
/// </content>
/// <remarks>
/// The events are framed here rather than by <c>System.Net.ServerSentEvents.SseFormatter</c>. An event's data is one
/// line of JSON that this writer escaped itself (no line breaks can occur in it), with no event type, id or retry, so
/// its whole framing is <c>data: </c> before it and a blank line after it (<see cref="ReplyFraming.EventFraming"/>).
/// <c>SseFormatter</c> would write the data into a buffer of its own, split it on line breaks and copy it line by line
/// into a second buffer, then copy that into a <see cref="Stream"/>, which over a response adds a third buffer so that
/// events ready together leave as one chunk: three copies of every event and a buffer that grows per reply, which
/// profiles of many replies at once showed among the toolkit's largest costs. Written here, an event is copied once,
/// into the memory the server sends from, and events ready together still leave as one chunk because nothing is
/// flushed until the writer waits. The bytes are exactly what <c>SseFormatter</c> writes (the server-writing benchmark
/// checks it before timing).
/// </remarks>
internal sealed partial class StreamReplyWriter
{
    /// <summary>
    /// The most bytes written without a flush before they are sent without waiting for the writer to wait: 16 KB, so
    /// the memory a reply holds in the response is bounded even when the handler never waits.
    /// </summary>
    internal const int SendThreshold = 16 * 1024;

    private static ReadOnlySpan<byte> DataFieldStart => "data: "u8;

    private static ReadOnlySpan<byte> EventEnd => "\n\n"u8;

    /// <summary>Writes events until there are none left; the synchronous path costs no asynchronous machinery.</summary>
    private async Task WriteEventsAsync(PipeWriter destination)
    {
        while (true)
        {
            var next = AdvanceEvents();
            if (!(next.IsCompletedSuccessfully ? next.Result : await next.ConfigureAwait(false)))
            {
                return;
            }

            WriteEvent(destination);
            if (_unflushedBytes >= SendThreshold)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Moves to the next event: true when one is built (or a plain text taken) for <see cref="WriteEvent"/>. Hand-written
    /// rather than an async iterator so that a text the handler has ready at once becomes an event without any
    /// asynchronous machinery; only waiting for the handler or for a flush goes through (pooled) async methods.
    /// </summary>
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
                    return new(true);
                default:
                    return EndEvents();
            }
        }
    }

    /// <summary>Writes the event just built, framed, into the response, and counts it.</summary>
    private void WriteEvent(PipeWriter output)
    {
        var size = _eventBytes + ReplyFraming.EventFraming;
        var span = output.GetSpan(size);
        DataFieldStart.CopyTo(span);
        var data = span.Slice(DataFieldStart.Length, _eventBytes);
        if (_plainPending && _current is { } text)
        {
            TextEventEncoder.WritePlainEvent(text, data);
        }
        else
        {
            _encoder.Event.CopyTo(data);
        }

        EventEnd.CopyTo(span[(DataFieldStart.Length + _eventBytes)..]);
        output.Advance(size);
        _unflushedBytes += size;
        EventCount++;
        BytesWritten += size;
    }

    private ValueTask<bool> EndEvents() => _unflushedBytes > 0 && FlushAtEnd ? FlushThenEndAsync() : new(false);

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
    private ValueTask FlushAsync()
    {
        if (_unflushedBytes == 0)
        {
            return ValueTask.CompletedTask;
        }

        _unflushedBytes = 0;
        var flush = _destination!.FlushAsync(CancellationToken.None);
        if (!flush.IsCompletedSuccessfully)
        {
            return AwaitFlushAsync(flush);
        }

        return flush.Result.IsCanceled ? ValueTask.FromException(Cancelled()) : ValueTask.CompletedTask;
    }

    /// <summary>Writes bytes into the response, sending them once <see cref="SendThreshold"/> bytes have built up.</summary>
    private ValueTask WriteOutAsync(ReadOnlySpan<byte> bytes)
    {
        _destination!.Write(bytes);
        _unflushedBytes += bytes.Length;
        return _unflushedBytes >= SendThreshold ? FlushAsync() : ValueTask.CompletedTask;
    }

    private static async ValueTask AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        if ((await flush.ConfigureAwait(false)).IsCanceled)
        {
            throw Cancelled();
        }
    }

    private static OperationCanceledException Cancelled() => new("The response flush was cancelled.");

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
}

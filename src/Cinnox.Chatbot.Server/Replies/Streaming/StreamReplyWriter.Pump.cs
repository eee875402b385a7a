using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Server;

/// <content>The handler pump: takes the handler's next text within the budget, sends keep-alives while it works, and notes how it stopped.</content>
internal sealed partial class StreamReplyWriter
{
    private static readonly byte[] KeepAliveComment = ReplyFraming.KeepAlive.ToArray();

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
            return Disconnected(pending);
        }

        try
        {
            if (keepAlive && _options.KeepAliveInterval is { } interval)
            {
                while (!await WaitOrIdleAsync(pending, interval).ConfigureAwait(false))
                {
                    if (!await WriteKeepAliveAsync().ConfigureAwait(false))
                    {
                        return Disconnected(pending);
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
        if (exception is not OperationCanceledException || !_handlerToken.IsCancellationRequested)
        {
            _stopped = true;
            HandlerException = exception;
            End = StreamReplyEnd.HandlerFailed;
            return Pull.Stopped;
        }

        if (_requestAborted.IsCancellationRequested)
        {
            return Disconnected(pending);
        }

        _stopped = true;
        if (pending is { IsCompleted: false })
        {
            _abandonedMoveNext = pending;
        }

        End = StreamReplyEnd.TimeBudget;
        return Pull.Stopped;
    }

    /// <summary>
    /// The platform is gone: the reply ends as disconnected, the handler hears it, and a pull still pending is left to
    /// be disposed once the handler yields. The one place a disconnect is handled, wherever it is noticed.
    /// </summary>
    private Pull Disconnected(Task<bool>? pending)
    {
        _stopped = true;
        if (pending is { IsCompleted: false })
        {
            _abandonedMoveNext = pending;
        }

        _handlerCancellation?.Cancel();
        End = StreamReplyEnd.Disconnected;
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
        if (BytesWritten + KeepAliveComment.Length + _encoder.ClosingReserve > _maxResponse)
        {
            return true; // No room left for comments; the budget is kept for text and the closing event.
        }

        try
        {
            Start();
            var result = await _destination!.WriteAsync(KeepAliveComment, _requestAborted).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                return false;
            }

            _unflushedBytes = 0;
            BytesWritten += KeepAliveComment.Length;
            return true;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            return false;
        }
    }
}

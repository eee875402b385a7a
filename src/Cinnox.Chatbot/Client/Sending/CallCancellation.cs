namespace Cinnox.Chatbot;

/// <summary>
/// The one cancellation source of a call: cancelled by the caller's token, by the total response time, or — once a
/// streamed event has completed the message — by the final-event drain time, whichever comes first.
/// </summary>
/// <remarks>
/// One source and one timer serve all three, where a source per cause and a linked source over them would cost every
/// call three sources, two timers and the links between them. The drain reuses the deadline's timer: it is started
/// only when it ends before the deadline, so whichever fired is known from whether the drain was started, and the
/// caller's cancellation is noted as it arrives.
/// </remarks>
internal sealed class CallCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly TimeSpan _total;
    private readonly TimeSpan _drainTime;
    private readonly CancellationTokenRegistration _callerRegistration;
    private volatile bool _cancelledByCaller;
    private volatile bool _draining;

    /// <summary>Initializes a new instance; the total response time starts now.</summary>
    /// <param name="total">The total response time.</param>
    /// <param name="drainTime">How long a stream may stay open once its message is complete.</param>
    /// <param name="time">The clock of both limits.</param>
    /// <param name="caller">The caller's token.</param>
    public CallCancellation(TimeSpan total, TimeSpan drainTime, TimeProvider time, CancellationToken caller)
    {
        _time = time;
        _total = total;
        _drainTime = drainTime;
        _started = time.GetTimestamp();
        _source = new CancellationTokenSource(total, time);
        if (caller.CanBeCanceled)
        {
            _callerRegistration = caller.UnsafeRegister(static state => ((CallCancellation)state!).CancelForCaller(), this);
        }
    }

    /// <summary>Gets the token every step of the call observes.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Gets a value indicating whether the total response time ran out (and the caller had not cancelled first).</summary>
    public bool DeadlinePassed => !_draining && _source.IsCancellationRequested && !_cancelledByCaller;

    /// <summary>Gets a value indicating whether the drain time after a complete message ran out (and the caller had not cancelled first).</summary>
    public bool DrainEnded => _draining && _source.IsCancellationRequested && !_cancelledByCaller;

    /// <summary>Gets the drain time.</summary>
    public TimeSpan DrainTime => _drainTime;

    /// <summary>
    /// Starts the drain time: a streamed event completed the message while the body goes on. When the deadline comes
    /// first, it stays the limit.
    /// </summary>
    public void StartDrain()
    {
        if (_draining || _source.IsCancellationRequested || _drainTime >= _total - _time.GetElapsedTime(_started))
        {
            return;
        }

        _draining = true;
        _source.CancelAfter(_drainTime);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _callerRegistration.Dispose();
        _source.Dispose();
    }

    private void CancelForCaller()
    {
        if (!_source.IsCancellationRequested)
        {
            _cancelledByCaller = true;
        }

        // The registration is disposed before the source, and its disposal waits for this callback to finish.
        _source.Cancel();
    }
}

namespace Cinnox.Chatbot.Tests;

internal sealed class TrackingStream(Stream inner) : ReadOnlyStream
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesRead;
    private int _readsInFlight;

    public bool Disposed => _disposed.Task.IsCompleted;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public int ReadsInFlight => Volatile.Read(ref _readsInFlight);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _readsInFlight);
        try
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Interlocked.Add(ref _bytesRead, read);
            return read;
        }
        finally
        {
            Interlocked.Decrement(ref _readsInFlight);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.TrySetResult();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

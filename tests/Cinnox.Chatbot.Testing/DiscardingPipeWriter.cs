using System.IO.Pipelines;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// A <see cref="PipeWriter"/> that discards what is written, as <see cref="Stream.Null"/> does for streams, counting the
/// bytes: what a benchmark writes into when only the writer's own cost should be measured. One buffer is reused.
/// </summary>
public sealed class DiscardingPipeWriter : PipeWriter
{
    private byte[] _buffer = new byte[4096];

    /// <summary>Gets the number of bytes written and discarded.</summary>
    public long BytesWritten { get; private set; }

    /// <inheritdoc/>
    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, _buffer.Length);
        BytesWritten += bytes;
    }

    /// <inheritdoc/>
    public override void CancelPendingFlush()
    {
    }

    /// <inheritdoc/>
    public override void Complete(Exception? exception = null)
    {
    }

    /// <inheritdoc/>
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<FlushResult>(cancellationToken) : new(new FlushResult(isCanceled: false, isCompleted: false));

    /// <inheritdoc/>
    public override Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

    /// <inheritdoc/>
    public override Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

    private byte[] Buffer(int sizeHint)
    {
        if (sizeHint > _buffer.Length)
        {
            _buffer = new byte[Math.Max(sizeHint, _buffer.Length * 2)];
        }

        return _buffer;
    }
}

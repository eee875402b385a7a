using System.Buffers;
using System.IO.Pipelines;

namespace Cinnox.Chatbot.Server.Internal;

/// <summary>
/// A write-only stream over a response's <see cref="PipeWriter"/> that sends only when flushed, or when a bounded
/// amount has built up.
/// </summary>
/// <remarks>
/// Written because Kestrel's response stream sends on every write, so <see cref="System.Net.ServerSentEvents.SseFormatter"/>,
/// which writes one event at a time, would send one packet per event even when the handler has many ready at
/// once. The stream writer flushes before it waits for the handler and at the end, so events still leave as soon
/// as nothing more is ready; this only stops them leaving one by one when more are.
/// </remarks>
internal sealed class CoalescingPipeStream(PipeWriter output, int sendThreshold = CoalescingPipeStream.DefaultSendThreshold) : Stream
{
    /// <summary>The most bytes held back before they are sent without waiting for a flush: 32 KB.</summary>
    public const int DefaultSendThreshold = 32 * 1024;

    private long _unsent;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        output.Write(buffer);
        _unsent += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        output.Write(buffer.Span);
        _unsent += buffer.Length;
        return _unsent >= sendThreshold ? new ValueTask(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        _unsent = 0;
        var result = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("The response flush was cancelled.", cancellationToken);
        }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

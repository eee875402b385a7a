using System.Buffers;
using System.IO.Pipelines;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// A write-only stream over a response's <see cref="PipeWriter"/> that gathers writes and hands them on as one block
/// when flushed, or when a bounded amount has built up.
/// </summary>
/// <remarks>
/// Written because <see cref="System.Net.ServerSentEvents.SseFormatter"/> writes one event at a time, and Kestrel
/// sends every write of a chunked response as its own chunk (and, through its stream, as its own packet): a handler
/// with many texts ready at once would cost one chunk header and one send per event, on the server and in the
/// platform's reader alike. The stream writer flushes before it waits for the handler and at the end, so events still
/// leave as soon as nothing more is ready; this only stops them leaving one by one when more are.
/// </remarks>
internal sealed class CoalescingPipeStream(PipeWriter output, int sendThreshold = CoalescingPipeStream.DefaultSendThreshold) : Stream
{
    /// <summary>The most bytes held back before they are sent without waiting for a flush: 16 KB.</summary>
    public const int DefaultSendThreshold = 16 * 1024;

    private readonly PooledByteBuffer _pending = new(4 * 1024);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        return _pending.Count >= sendThreshold ? new ValueTask(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            output.Write(_pending.WrittenSpan);
            _pending.Clear();
        }

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Whatever was not flushed (a reply that ended early) is handed to the response so the server sends it.
            if (_pending.Count > 0)
            {
                output.Write(_pending.WrittenSpan);
                _pending.Clear();
            }

            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}

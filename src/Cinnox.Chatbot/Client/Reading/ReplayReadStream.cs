using System.Buffers;

namespace Cinnox.Chatbot;

/// <summary>
/// A read-only stream that first returns bytes already read from a body (to decide what it is) and then the
/// rest of the body. The bytes live in a pooled array returned when the stream is disposed.
/// </summary>
internal sealed class ReplayReadStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private byte[]? _prefix;
    private int _prefixOffset;
    private readonly int _prefixLength;

    /// <summary>Initializes a new instance that takes ownership of a pooled array.</summary>
    public ReplayReadStream(byte[] pooledPrefix, int length, Stream inner)
    {
        _prefix = pooledPrefix;
        _prefixLength = length;
        _inner = inner;
        if (length == 0)
        {
            ReturnPrefix();
        }
    }

    public override int Read(Span<byte> buffer) => TryReadPrefix(buffer, out var read) ? read : _inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return TryReadPrefix(buffer.Span, out var read) ? ValueTask.FromResult(read) : _inner.ReadAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReturnPrefix();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryReadPrefix(Span<byte> buffer, out int read)
    {
        read = 0;
        if (_prefix is null || buffer.IsEmpty)
        {
            return false;
        }

        read = Math.Min(buffer.Length, _prefixLength - _prefixOffset);
        _prefix.AsSpan(_prefixOffset, read).CopyTo(buffer);
        _prefixOffset += read;
        if (_prefixOffset == _prefixLength)
        {
            ReturnPrefix();
        }

        return true;
    }

    private void ReturnPrefix()
    {
        if (_prefix is { } prefix)
        {
            _prefix = null;
            ArrayPool<byte>.Shared.Return(prefix);
        }
    }
}

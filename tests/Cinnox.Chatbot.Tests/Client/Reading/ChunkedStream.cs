using System.Text;

namespace Cinnox.Chatbot.Tests;

/// <summary>
/// An in-memory body that hands out its bytes a few at a time, like a network that splits writes anywhere
/// (inside a newline, inside a UTF-8 character), and can end by throwing instead of with a clean end.
/// </summary>
internal sealed class ChunkedStream : ReadOnlyStream
{
    private readonly byte[] _data;
    private readonly int _chunkSize;
    private readonly Exception? _endWith;
    private int _offset;

    public ChunkedStream(byte[] data, int chunkSize = int.MaxValue, Exception? endWith = null)
    {
        _data = data;
        _chunkSize = chunkSize;
        _endWith = endWith;
    }

    public ChunkedStream(string text, int chunkSize = int.MaxValue, Exception? endWith = null)
        : this(Encoding.UTF8.GetBytes(text), chunkSize, endWith)
    {
    }

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, _chunkSize), _data.Length - _offset);
        if (count == 0 && buffer.Length > 0 && _endWith is not null)
        {
            throw _endWith;
        }

        _data.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return ValueTask.FromResult(Read(buffer.Span));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<int>(exception);
        }
    }
}

/// <summary>A body that never ends: the same byte forever, with no newline. Counts what it handed out.</summary>
internal sealed class EndlessStream(byte value) : ReadOnlyStream
{
    public long BytesServed { get; private set; }

    public int LargestRequest { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        LargestRequest = Math.Max(LargestRequest, buffer.Length);
        buffer.Fill(value);
        BytesServed += buffer.Length;
        return buffer.Length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}

/// <summary>A body made of some bytes followed by another stream.</summary>
internal sealed class ConcatStream(byte[] first, Stream then) : ReadOnlyStream
{
    private int _offset;

    public override int Read(Span<byte> buffer)
    {
        if (_offset < first.Length)
        {
            var count = Math.Min(buffer.Length, first.Length - _offset);
            first.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        return then.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _offset < first.Length ? ValueTask.FromResult(Read(buffer.Span)) : then.ReadAsync(buffer, cancellationToken);
}

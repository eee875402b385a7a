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

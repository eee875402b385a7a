namespace Cinnox.Chatbot.Tests;

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

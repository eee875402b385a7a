namespace Cinnox.Chatbot.Tests;

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

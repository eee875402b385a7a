using System.IO.Pipelines;
using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

/// <summary>A response body the test writes as it goes, which records whether the client let go of it.</summary>
internal sealed class LiveBody
{
    private readonly Pipe _pipe = new();

    public LiveBody() => Stream = new TrackingStream(_pipe.Reader.AsStream());

    public TrackingStream Stream { get; }

    public bool Disposed => Stream.Disposed;

    private long _written;

    public async Task WriteAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Interlocked.Add(ref _written, bytes.Length);
        await _pipe.Writer.WriteAsync(bytes);
    }

    /// <summary>Waits until the client has read everything written so far and is waiting for more.</summary>
    public Task CaughtUpAsync() => Waiting.UntilAsync(
        () => Stream.BytesRead == Interlocked.Read(ref _written) && Stream.ReadsInFlight == 1,
        because: "the client read everything written and asked for more");

    public void Complete() => _pipe.Writer.Complete();

    public void Fail(Exception exception) => _pipe.Writer.Complete(exception);
}

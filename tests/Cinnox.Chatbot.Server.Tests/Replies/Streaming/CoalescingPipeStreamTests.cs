using System.Buffers;
using System.IO.Pipelines;

namespace Cinnox.Chatbot.Server.Tests;

public class CoalescingPipeStreamTests
{
    [Fact]
    public async Task WriteAsync_BelowTheThreshold_SendsNothingUntilFlushed()
    {
        var pipe = new Pipe();
        await using var stream = new CoalescingPipeStream(pipe.Writer, sendThreshold: 100);

        await stream.WriteAsync(new byte[40]);
        await stream.WriteAsync(new byte[40]);

        pipe.Reader.TryRead(out _).Should().BeFalse("events the handler has ready together wait for the flush");

        await stream.FlushAsync();

        pipe.Reader.TryRead(out var result).Should().BeTrue();
        result.Buffer.Length.Should().Be(80);
        result.Buffer.IsSingleSegment.Should().BeTrue("the writes leave as one block, one chunk on the wire");
    }

    [Fact]
    public async Task WriteAsync_ReachingTheThreshold_SendsWithoutWaitingForAFlush()
    {
        var pipe = new Pipe();
        await using var stream = new CoalescingPipeStream(pipe.Writer, sendThreshold: 100);

        await stream.WriteAsync(new byte[60]);
        pipe.Reader.TryRead(out _).Should().BeFalse();
        await stream.WriteAsync(new byte[40]);

        pipe.Reader.TryRead(out var result).Should().BeTrue("memory held back stays bounded by the threshold");
        result.Buffer.Length.Should().Be(100);
    }

    [Fact]
    public async Task Dispose_HandsWhatWasNotFlushedToTheResponse()
    {
        var pipe = new Pipe();
        var stream = new CoalescingPipeStream(pipe.Writer, sendThreshold: 100);
        await stream.WriteAsync("data: x\n\n"u8.ToArray());

        await stream.DisposeAsync();
        await pipe.Writer.FlushAsync();

        pipe.Reader.TryRead(out var result).Should().BeTrue();
        result.Buffer.ToArray().Should().Equal("data: x\n\n"u8.ToArray());
    }

    [Fact]
    public async Task FlushAsync_WhenTheResponseFlushIsCancelled_Throws()
    {
        var pipe = new Pipe();
        await using var stream = new CoalescingPipeStream(pipe.Writer);
        await stream.WriteAsync(new byte[10]);
        pipe.Writer.CancelPendingFlush();

        await FluentActions.Invoking(() => stream.FlushAsync()).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Stream_IsWriteOnly()
    {
        using var stream = new CoalescingPipeStream(new Pipe().Writer);

        stream.CanRead.Should().BeFalse();
        stream.CanSeek.Should().BeFalse();
        stream.CanWrite.Should().BeTrue();
        FluentActions.Invoking(() => stream.Read(new byte[1], 0, 1)).Should().Throw<NotSupportedException>();
    }
}

using System.IO.Pipelines;
using System.Text;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>The core streaming routine, driven on in-memory streams as a benchmark drives it.</summary>
public sealed class StreamReplyWriterTests
{
    [Fact]
    public async Task WriteEventStream_WritesOneDataLinePerPieceAndAFinalEvent()
    {
        var output = new MemoryStream();

        var bytes = await StreamReplyWriting.WriteEventStreamAsync(Deltas.Of("line one\n", "", null!, "line\rtwo\r\n"), output, new ChatbotServerOptions());

        var text = Encoding.UTF8.GetString(output.ToArray());
        text.Should().Be(
            "data: {\"message\":{\"type\":1,\"text\":\"line one\\n\",\"streamType\":\"delta\"}}\n\n" +
            "data: {\"message\":{\"type\":1,\"text\":\"line\\rtwo\\r\\n\",\"streamType\":\"delta\"}}\n\n" +
            "data: {\"message\":{\"type\":1,\"text\":\"line one\\nline\\rtwo\\r\\n\",\"streamType\":\"final\"}}\n\n");
        bytes.Should().Be(output.Length);
    }

    [Fact]
    public async Task WriteEventStream_FlushesBeforeEveryWaitForTheHandler()
    {
        // Each piece after the first is produced only once the previous events were flushed: without a flush
        // before each wait the stream would never finish.
        var output = new RecordingStream();

        await StreamReplyWriting.WriteEventStreamAsync(AfterEachFlush(output, "a", "b", "c"), output, new ChatbotServerOptions())
            .WaitAsync(TimeSpan.FromSeconds(10));

        // Each flush hands on what was written since the last one, as one write to the stream.
        output.Operations.Should().Equal("write", "flush", "write", "flush", "write", "flush");

        static async IAsyncEnumerable<string> AfterEachFlush(RecordingStream output, params string[] pieces)
        {
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    await output.NextFlush;
                }

                yield return pieces[i];
            }
        }
    }

    [Fact]
    public async Task WriteEventStream_PiecesReadyAtOnce_GoOutTogetherWithOneFlush()
    {
        var output = new RecordingStream();

        await StreamReplyWriting.WriteEventStreamAsync(Ready("a", "b", "c"), output, new ChatbotServerOptions());

        output.Operations.Should().Equal("write", "flush");

        static async IAsyncEnumerable<string> Ready(params string[] pieces)
        {
            await Task.CompletedTask;
            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
    }

    [Fact]
    public async Task WriteEventStream_WithoutFlushAtEnd_LeavesTheLastEventsToTheServer()
    {
        var pipe = new Pipe();
        var writer = new StreamReplyWriter(Ready("a", "b"), new ChatbotServerOptions(), TimeProvider.System, null, default, default) { FlushAtEnd = false };

        await using (writer)
        {
            await writer.WriteEventStreamAsync(pipe.Writer, onStart: null);
        }

        writer.End.Should().Be(StreamReplyEnd.Completed);
        pipe.Reader.TryRead(out _).Should().BeFalse("the server sends the last events with the end of the response");
        await pipe.Writer.CompleteAsync();
        var events = await SseLineReader.ReadAllAsync(pipe.Reader.AsStream());
        events.Select(item => item.Data).Should().HaveCount(3);
        writer.BytesWritten.Should().Be(events.Sum(item => item.Data.Length + ReplyFraming.EventFraming));

        static async IAsyncEnumerable<string> Ready(params string[] pieces)
        {
            await Task.CompletedTask;
            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
    }

    [Fact]
    public async Task WriteEventStream_MoreThanTheSendThresholdReadyAtOnce_IsSentWithoutWaitingForTheEnd()
    {
        // A handler that never waits must not make the response hold its whole reply: past the threshold, what was
        // written is sent although the writer has not waited yet.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var texts = Enumerable.Range(0, 2000).Select(i => "word" + i).ToArray();
        var writer = new StreamReplyWriter(Ready(texts), new ChatbotServerOptions(), TimeProvider.System, null, default, default) { FlushAtEnd = false };

        await using (writer)
        {
            await writer.WriteEventStreamAsync(pipe.Writer, onStart: null);
        }

        pipe.Reader.TryRead(out var sent).Should().BeTrue();
        sent.Buffer.Length.Should().BeGreaterThanOrEqualTo(StreamReplyWriter.SendThreshold)
            .And.BeLessThan(writer.BytesWritten, "the last events wait for the end of the response");
        (writer.BytesWritten - sent.Buffer.Length).Should().BeLessThan(StreamReplyWriter.SendThreshold);

        static async IAsyncEnumerable<string> Ready(string[] pieces)
        {
            await Task.CompletedTask;
            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
    }

    // Cases by name: lone surrogates do not survive the test runner's serialization of theory data.
    [Theory]
    [InlineData("pair split in two")]
    [InlineData("pair split around an empty piece")]
    [InlineData("high surrogate at the end")]
    [InlineData("high surrogate before a letter")]
    [InlineData("low surrogate first")]
    public async Task WriteEventStream_SurrogatesAcrossPieces_AreWrittenAsWholeCharacters(string name)
    {
        var (pieces, expected) = name switch
        {
            "pair split in two" => (new[] { "\uD83D", "\uDE00" }, "\U0001F600"),
            "pair split around an empty piece" => (new[] { "a\uD83D", "", "\uDE00b" }, "a\U0001F600b"),
            "high surrogate at the end" => (new[] { "a\uD83D" }, "a\uFFFD"),
            "high surrogate before a letter" => (new[] { "a\uD83D", "b" }, "a\uFFFDb"),
            _ => (new[] { "\uDE00a" }, "\uFFFDa"),
        };
        var output = new MemoryStream();

        await StreamReplyWriting.WriteEventStreamAsync(Deltas.From(pieces), output, new ChatbotServerOptions());

        var events = await SseLineReader.ReadAllAsync(new MemoryStream(output.ToArray()));
        EventStreams.DeltaText(events).Should().Be(expected);
        EventStreams.Message(events[^1].Data).Text.Should().Be(expected);
    }

    [Theory]
    [InlineData("plain", ChatbotLimits.DefaultMaxEventBytes)]
    [InlineData("escaped", ChatbotLimits.DefaultMaxEventBytes)]
    [InlineData("escaped", 16 * 1024)]
    [InlineData("escaped", ChatbotServerOptions.MinEventBytes)]
    public async Task WriteEventStream_LargeTexts_AreWrittenInPiecesAsWholeEventsFilledToTheLimit(string kind, int maxEventBytes)
    {
        // Texts longer than one piece (4,096 characters) are escaped and written a piece at a time; the events must be
        // what building them whole would make: every character whole, each cut event filled as far as a character allows.
        var unit = kind == "plain" ? "words and more words " : "a\u00e9\"\n\U0001F600<\\ ";
        var text = string.Concat(Enumerable.Repeat(unit, 300_000 / unit.Length));
        var options = new ChatbotServerOptions();
        options.Limits.MaxEventBytes = maxEventBytes;
        var output = new MemoryStream();

        var bytes = await StreamReplyWriting.WriteEventStreamAsync(Deltas.From([text[..5000], text[5000..]]), output, options);

        bytes.Should().Be(output.Length);
        var events = await SseLineReader.ReadAllAsync(new MemoryStream(output.ToArray()));
        EventStreams.DeltaText(events).Should().Be(text);
        var maxData = maxEventBytes - ReplyFraming.EventFraming;
        events.Should().OnlyContain(item => Encoding.UTF8.GetByteCount(item.Data) <= maxData);
        events.SkipLast(1).Count(item => Encoding.UTF8.GetByteCount(item.Data) <= maxData - ReplyFraming.MaxTokenBytes)
            .Should().BeLessThanOrEqualTo(2, "only the last event of each of the two texts may be short");
        if (maxEventBytes == ChatbotLimits.DefaultMaxEventBytes)
        {
            EventStreams.Message(events[^1].Data).Text.Should().Be(text, "the final event carries the whole text when it fits");
        }
        else
        {
            events[^1].Data.Should().Be("[DONE]");
        }
    }

    [Fact]
    public async Task WriteEventStream_ManyLargeTextsReadyAtOnce_AreAllWritten()
    {
        // Each text is one event written in pieces, and every write completes at once: the writer must loop, not nest.
        var texts = Enumerable.Range(0, 900).Select(i => new string((char)('a' + (i % 26)), 4100)).ToArray();
        var output = new MemoryStream();

        await StreamReplyWriting.WriteEventStreamAsync(Deltas.From(texts), output, new ChatbotServerOptions());

        var events = await SseLineReader.ReadAllAsync(new MemoryStream(output.ToArray()));
        events.Should().HaveCount(texts.Length + 1);
        EventStreams.DeltaText(events).Should().Be(string.Concat(texts));
        events[^1].Data.Should().Be("[DONE]", "the whole text is larger than one event");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task WriteEventStream_ReadBackByTheRuntimesParser_WhateverTheNewlinesInTheText(string newline)
    {
        var output = new MemoryStream();
        var pieces = new[] { $"one{newline}", $"two{newline}{newline}", "three" };

        await StreamReplyWriting.WriteEventStreamAsync(Deltas.From(pieces), output, new ChatbotServerOptions());

        output.Position = 0;
        var texts = new List<string?>();
        await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(output).EnumerateAsync())
        {
            texts.Add(EventStreams.Message(item.Data).Text);
        }

        texts.Should().Equal([.. pieces, string.Concat(pieces)]);
    }

    [Fact]
    public async Task WriteEventStream_CancelledByTheCaller_StopsAndReportsNothingWritten()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var bytes = await StreamReplyWriting.WriteEventStreamAsync(Deltas.Of("a"), Stream.Null, new ChatbotServerOptions(), cancellation.Token);

        bytes.Should().Be(0);
    }

    private sealed class RecordingStream : MemoryStream
    {
        private TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Operations { get; } = [];

        public Task NextFlush => _flushed.Task;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Operations.Add("write");
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Operations.Add("flush");
            Interlocked.Exchange(ref _flushed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return base.FlushAsync(cancellationToken);
        }
    }
}

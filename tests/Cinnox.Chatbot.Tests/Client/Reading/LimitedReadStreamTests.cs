using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public class LimitedReadStreamTests
{
    private const int SmallEventLimit = 2048;

    [Theory]
    [MemberData(nameof(Sse.NewlineTrickle), MemberType = typeof(Sse))]
    public async Task EventLimit_EventOfExactlyTheLimit_IsApplied(string newline, int chunk)
    {
        var (body, bigEventBytes, bigText) = BodyWithBigEvent(newline);

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, chunk: chunk, limits: Limits(maxEventBytes: bigEventBytes));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("before " + bigText + " after");
    }

    [Theory]
    [MemberData(nameof(Sse.NewlineTrickle), MemberType = typeof(Sse))]
    public async Task EventLimit_EventOneByteOverTheLimit_StopsBeforeItAndKeepsEarlierText(string newline, int chunk)
    {
        var (body, bigEventBytes, _) = BodyWithBigEvent(newline);

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, chunk: chunk, limits: Limits(maxEventBytes: bigEventBytes - 1));

        reply.Outcome.Should().Be(ChatbotOutcome.EventTooLarge);
        reply.Text.Should().Be("before ", "the offending event is never partly applied");
        reply.IsPartial.Should().BeTrue();
        reply.FailureReason.Should().Contain((bigEventBytes - 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        reply.BytesRead.Should().BeLessThan(Encoding.UTF8.GetByteCount(body));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task EventLimit_BlankLinesAndCommentsBetweenEvents_CountAsEventsOfTheirOwn(string newline)
    {
        var comment = ": k" + newline + newline;
        var body = comment + Sse.WithNewline(Sse.Delta("a"), Sse.Escape(newline)) + newline + newline + comment;
        var eventBytes = Encoding.UTF8.GetByteCount(Sse.WithNewline(Sse.Delta("a"), Sse.Escape(newline)));

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, chunk: 3, limits: Limits(maxEventBytes: eventBytes));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("a");
    }

    [Theory]
    [InlineData("\n", 0)]
    [InlineData("\n", 1)]
    [InlineData("\r\n", 0)]
    [InlineData("\r\n", 1)]
    [InlineData("\r", 0)]
    [InlineData("\r", 1)]
    public async Task EventLimit_ReadsThatStartWithTheBlankLine_CountEveryEventFromItsOwnStart(string newline, int under)
    {
        // A leading blank line shifts every read by one byte, so each read after the first starts with the newline
        // that ends the previous event.
        var oneEvent = Sse.WithNewline(Sse.Delta("abc"), Sse.Escape(newline));
        var size = Encoding.UTF8.GetByteCount(oneEvent);
        var body = newline + string.Concat(Enumerable.Repeat(oneEvent, 20));

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, chunk: size, limits: Limits(maxEventBytes: size - under));

        reply.Outcome.Should().Be(under == 0 ? ChatbotOutcome.Completed : ChatbotOutcome.EventTooLarge);
        reply.Text.Should().Be(under == 0 ? string.Concat(Enumerable.Repeat("abc", 20)) : string.Empty);
    }

    [Fact]
    public async Task EventLimit_EarlierEventsInTheSameReadAsTheOffendingOne_AreKept()
    {
        var body = Sse.Delta("a") + Sse.Delta("b") + Sse.Delta(new string('x', 5000)) + Sse.Delta("c");

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, limits: Limits(maxEventBytes: SmallEventLimit));

        reply.Outcome.Should().Be(ChatbotOutcome.EventTooLarge);
        reply.Text.Should().Be("ab");
    }

    [Fact]
    public async Task EventLimit_NeverEndingLine_StopsAfterAboutOneEventLimit()
    {
        var endless = new EndlessStream((byte)'a');

        var reply = await ChatbotReplyReading.ReadReplyAsync(endless, Sse.EventStream, Limits(maxEventBytes: SmallEventLimit));

        reply.Outcome.Should().Be(ChatbotOutcome.EventTooLarge);
        reply.BytesRead.Should().Be(SmallEventLimit);
        endless.BytesServed.Should().BeLessThanOrEqualTo(SmallEventLimit + endless.LargestRequest, "nothing is read past the read that broke the limit");
        endless.LargestRequest.Should().BeLessThanOrEqualTo(2 * (SmallEventLimit + 4096), "the parser's buffer never grows past about one event plus one read");
    }

    public static TheoryData<string, int, int> NewlineChunkAndOverflow
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var newline in Sse.Newlines)
            {
                foreach (var chunk in new[] { 1, int.MaxValue })
                {
                    data.Add(Sse.Escape(newline), chunk, 0);
                    data.Add(Sse.Escape(newline), chunk, 1);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NewlineChunkAndOverflow))]
    public async Task ResponseLimit_StreamAtAndOnePastTheLimit_KeepsEveryCompleteEvent(string newline, int chunk, int over)
    {
        var body = Sse.WithNewline(": hello\n\n" + Sse.Delta("one ") + Sse.Delta("two"), newline);
        var size = Encoding.UTF8.GetByteCount(body);

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, chunk: chunk, limits: Limits(maxResponseBytes: size - over));

        reply.Outcome.Should().Be(over == 0 ? ChatbotOutcome.Completed : ChatbotOutcome.ResponseTooLarge);
        reply.Text.Should().Be(over == 0 ? "one two" : "one ", "an event whose blank line lies past the limit is not applied");
        reply.BytesRead.Should().Be(size - over);
    }

    [Fact]
    public async Task ResponseLimit_CommentsCount()
    {
        var body = Sse.Delta("a") + string.Concat(Enumerable.Repeat(": keep-alive\n\n", 100)) + Sse.Delta("b");

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, limits: Limits(maxResponseBytes: 1000));

        reply.Outcome.Should().Be(ChatbotOutcome.ResponseTooLarge);
        reply.Text.Should().Be("a");
    }

    [Theory]
    [InlineData(0, ChatbotOutcome.Completed)]
    [InlineData(1, ChatbotOutcome.ResponseTooLarge)]
    public async Task ResponseLimit_JsonReplyAtAndOnePastTheLimit(int over, ChatbotOutcome expected)
    {
        var body = "{\"message\":{\"type\":1,\"text\":\"" + new string('j', 3000) + "\"}}";
        var size = Encoding.UTF8.GetByteCount(body);

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, "application/json", chunk: 100, limits: Limits(maxResponseBytes: size - over));

        reply.Outcome.Should().Be(expected);
        reply.Streamed.Should().BeFalse();
    }

    [Fact]
    public async Task ResponseLimit_EndlessJsonBody_StopsAtTheLimit()
    {
        var endless = new EndlessStream((byte)' ');

        var reply = await ChatbotReplyReading.ReadReplyAsync(endless, "application/json", Limits(maxResponseBytes: 10_000));

        reply.Outcome.Should().Be(ChatbotOutcome.ResponseTooLarge);
        endless.BytesServed.Should().BeLessThanOrEqualTo(10_000 + endless.LargestRequest);
    }

    [Fact]
    public async Task Limits_SameByteBreaksBoth_ReportsTheEventLimit()
    {
        var body = Sse.Delta("a") + Sse.Delta(new string('x', 100));
        var first = Encoding.UTF8.GetByteCount(Sse.Delta("a"));

        var eventLimit = first + 10;

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, limits: Limits(maxEventBytes: eventLimit, maxResponseBytes: first + eventLimit));

        reply.Outcome.Should().Be(ChatbotOutcome.EventTooLarge);
        reply.Text.Should().Be("a");
    }

    [Fact]
    public async Task Read_AfterALimitWasBroken_KeepsThrowing()
    {
        using var stream = new LimitedReadStream(new MemoryStream(new byte[100]), maxResponseBytes: 10, maxEventBytes: null);
        var buffer = new byte[64];

        (await stream.ReadAsync(buffer)).Should().Be(10);
        await FluentActions.Awaiting(() => stream.ReadAsync(buffer).AsTask()).Should().ThrowAsync<ChatbotLimitExceededException>();
        FluentActions.Invoking(() => stream.Read(buffer)).Should().Throw<ChatbotLimitExceededException>()
            .Which.Outcome.Should().Be(ChatbotOutcome.ResponseTooLarge);
    }

    private static (string Body, int BigEventBytes, string BigText) BodyWithBigEvent(string escapedNewline)
    {
        var bigText = new string('z', 1500);
        var bigEvent = Sse.WithNewline(Sse.Delta(bigText), escapedNewline);
        var body = Sse.WithNewline(Sse.Delta("before "), escapedNewline) + bigEvent + Sse.WithNewline(Sse.Delta(" after"), escapedNewline);
        return (body, Encoding.UTF8.GetByteCount(bigEvent), bigText);
    }

    private static ChatbotLimits Limits(int maxEventBytes = SmallEventLimit, int maxResponseBytes = 1_000_000) =>
        new() { MaxEventBytes = maxEventBytes, MaxResponseBytes = maxResponseBytes };
}

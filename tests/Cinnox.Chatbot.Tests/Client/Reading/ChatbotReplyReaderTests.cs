using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public partial class ChatbotReplyReaderTests
{
    [Theory]
    [MemberData(nameof(Sse.NewlineTrickle), MemberType = typeof(Sse))]
    public async Task Read_DeltasInAnyNewlineStyle_JoinsTheirText(string newline, int chunk)
    {
        var body = Sse.WithNewline(Sse.Delta("Hello") + Sse.Delta(", ") + Sse.Delta("world") + Sse.Final(string.Empty), newline);

        var reply = await ReadAsync(body, chunk: chunk);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("Hello, world");
        reply.Message.Should().BeOfType<ChatbotTextMessage>().Which.Text.Should().Be("Hello, world");
        reply.Streamed.Should().BeTrue();
        reply.Warnings.Should().BeEmpty();
        reply.BytesRead.Should().Be(Encoding.UTF8.GetByteCount(body));
    }

    [Theory]
    [MemberData(nameof(Sse.NewlineTrickle), MemberType = typeof(Sse))]
    public async Task Read_MultiLineDataCommentsIdsAndRetries_ReadsOnlyTheData(string newline, int chunk)
    {
        var body = Sse.WithNewline(
            ": keep-alive\n\n" +
            "id: 1\nretry: 1000\ndata: {\"message\":\ndata:   {\"type\":1,\ndata: \"text\":\"one\",\"streamType\":\"delta\"}}\n\n" +
            ": another comment\n" +
            "data: " + Sse.TextData(" two") + "\n\n",
            newline);

        var reply = await ReadAsync(body, chunk: chunk);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("one two");
        reply.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Read_EventsNamedOtherThanMessage_AreIgnoredWithoutWarning()
    {
        var body = "event: ping\ndata: {\"anything\":1}\n\n" +
                   "event: message\n" + "data: " + Sse.TextData("kept") + "\n\n" +
                   "event: metadata\n" + "data: " + Sse.TextData("dropped") + "\n\n";

        var reply = await ReadAsync(body);

        reply.Text.Should().Be("kept");
        reply.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Read_Utf8CharactersSplitAcrossReads_ArriveWhole(int chunk)
    {
        const string text = "héllo 你好 👋🏽 — ok";
        var body = Sse.Delta(text[..5]) + Sse.Delta(text[5..]) + Sse.Final(string.Empty);

        var reply = await ReadAsync(body, chunk: chunk);

        reply.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("final")]
    [InlineData("done")]
    [InlineData("end")]
    [InlineData("complete")]
    [InlineData("FINAL")]
    [InlineData("Done")]
    [InlineData(null)]
    public async Task Read_TerminalEvent_ReplacesTheTextAndCompletesTheMessage(string? streamType)
    {
        var body = Sse.Delta("draft ") + Sse.Delta("text") + Sse.Event(Sse.TextData("The whole answer.", streamType));

        var reply = await ReadAsync(body);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("The whole answer.");
    }

    [Fact]
    public async Task Read_TerminalEventWithEmptyText_KeepsTheAccumulatedText()
    {
        var reply = await ReadAsync(Sse.Delta("kept ") + Sse.Delta("text") + Sse.Final(string.Empty, "done"));

        reply.Text.Should().Be("kept text");
        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
    }

    [Fact]
    public async Task Read_EventsAfterTheFinalEvent_AreIgnoredWithOneWarning()
    {
        var body = Sse.Delta("a") + Sse.Final("answer") + Sse.Delta("late") + Sse.Final("later");

        var reply = await ReadAsync(body);

        reply.Text.Should().Be("answer");
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.EventAfterFinal);
    }

    [Fact]
    public async Task Read_UnknownStreamType_IsTreatedAsDeltaWithOneWarning()
    {
        var body = Sse.Event(Sse.TextData("a", "chunk")) + Sse.Event(Sse.TextData("b", "chunk")) + Sse.Event(Sse.TextData("c", "Delta"));

        var reply = await ReadAsync(body);

        reply.Text.Should().Be("abc");
        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Warnings.Should().ContainSingle().Which.Should().Match<ChatbotWarning>(
            warning => warning.Code == ChatbotWarningCodes.UnknownStreamType && warning.Message.Contains("chunk"));
    }

    [Fact]
    public async Task Read_DoneSentinel_EndsTheStreamWithoutReadingFurther()
    {
        var stream = new ConcatStream(Encoding.UTF8.GetBytes(Sse.Delta("all") + "data: [DONE]\n\n"), new EndlessStream((byte)'x'));

        var reply = await ChatbotReplyReading.ReadReplyAsync(stream, Sse.EventStream);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("all");
    }

    [Fact]
    public async Task Read_MalformedEventsInTheMiddle_AreSkippedWithWarningsAndTheStreamGoesOn()
    {
        var body = Sse.Delta("one ") +
                   Sse.Event("{not json") +
                   Sse.Event("[1,2]") +
                   Sse.Event("{\"other\":1}") +
                   Sse.Event("{\"message\":\"text\"}") +
                   Sse.Event("{\"message\":{\"type\":1,\"text\":5}}") +
                   Sse.Event("{\"message\":{\"type\":1,\"text\":\"x\",\"streamType\":7}}") +
                   Sse.Event(Sse.TextData("x") + " trailing") +
                   "data:\n\n" +
                   Sse.Delta("two");

        var reply = await ReadAsync(body);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("one two");
        reply.Warnings.Should().HaveCount(8).And.OnlyContain(warning => warning.Code == ChatbotWarningCodes.MalformedEvent);
    }

    [Fact]
    public async Task Read_AdvancedMessageInsideAStream_IsDroppedWithAWarning()
    {
        var advanced = SeedExamples.Text("reply-advanced-quick-reply").ReplaceLineEndings(string.Empty);
        var body = Sse.Delta("Pick one") + Sse.Event(advanced) + Sse.Event("{\"message\":{\"type\":7,\"text\":\"?\"}}") + Sse.Final(string.Empty);

        var reply = await ReadAsync(body);

        reply.Text.Should().Be("Pick one");
        reply.Message.Should().BeOfType<ChatbotTextMessage>();
        reply.Warnings.Select(warning => warning.Code).Should().Equal(
            ChatbotWarningCodes.AdvancedMessageInStream, ChatbotWarningCodes.UnknownMessageType);
    }

    [Fact]
    public async Task Read_EscapedTextAndSpacedJson_ReadAsTheCompactForm()
    {
        var spaced = "{ \"message\" : { \"streamType\" : \"delta\", \"text\" : \"line\\nbreak \\\"quoted\\\" \\u00e9\", \"type\" : \"1\" } }";
        var reply = await ReadAsync(Sse.Event(spaced) + Sse.Delta("line\nbreak \"quoted\" é"));

        reply.Text.Should().Be("line\nbreak \"quoted\" éline\nbreak \"quoted\" é");
        reply.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"message\":{\"type\":1,\"text\":\"a\tb\",\"streamType\":\"delta\"}}")]
    [InlineData("{\"message\":{\"type\":01,\"text\":\"ab\",\"streamType\":\"delta\"}}")]
    [InlineData("{\"message\":{\"type\":1,\"text\":\"ab\",\"streamType\":\"delta\"}}}")]
    [InlineData("{\"message\":{\"type\":1,\"text\":\"ab\",\"streamType\":\"delta\"}")]
    public async Task Read_InvalidJsonInTheCompactShape_IsSkippedAsMalformed(string data)
    {
        var reply = await ReadAsync(Sse.Event(data) + Sse.Delta("ok"));

        reply.Text.Should().Be("ok");
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.MalformedEvent);
    }

    [Fact]
    public async Task Read_InvalidUtf8InText_IsSkippedAsMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes(Sse.Event(Sse.TextData("bad?")) + Sse.Delta("good")).ToList();
        bytes[bytes.IndexOf((byte)'?')] = 0xFF;

        var reply = await ChatbotReplyReading.ReadReplyAsync(new ChunkedStream([.. bytes]), Sse.EventStream);

        reply.Text.Should().Be("good");
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.MalformedEvent);
    }

    [Fact]
    public async Task Read_StreamWithoutAnyMessageEvent_IsAnInvalidResponse()
    {
        var reply = await ReadAsync(": only a comment\n\nevent: ping\ndata: x\n\n");

        reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
        reply.Message.Should().BeNull();
        reply.FailureReason.Should().Contain("without any message event");
    }

    [Fact]
    public async Task Read_StreamThatBreaks_KeepsThePartialTextAsInterrupted()
    {
        var stream = new ChunkedStream(Sse.Delta("partial ") + Sse.Delta("text") + "data: {\"message\":{\"ty", 5, new IOException("The connection was reset."));

        var reply = await ChatbotReplyReading.ReadReplyAsync(stream, Sse.EventStream);

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Text.Should().Be("partial text");
        reply.IsPartial.Should().BeTrue();
        reply.Message.Should().BeOfType<ChatbotTextMessage>().Which.Text.Should().Be("partial text");
        reply.FailureReason.Should().Contain("reset");
    }

    [Fact]
    public async Task Read_StreamThatBreaksAfterTheFinalEvent_IsCompletedWithAWarning()
    {
        var stream = new ChunkedStream(Sse.Delta("a") + Sse.Final("whole"), 3, new IOException("reset"));

        var reply = await ChatbotReplyReading.ReadReplyAsync(stream, Sse.EventStream);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("whole");
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.AbnormalEndAfterFinal);
    }

    [Theory]
    [InlineData(ChatbotKeywords.CloseEnquiry, false, ChatbotAction.CloseEnquiry)]
    [InlineData(ChatbotKeywords.DirectTransfer, true, ChatbotAction.DirectTransfer)]
    [InlineData(" DIRECT_TRANSFER\n", true, ChatbotAction.DirectTransfer)]
    [InlineData("direct_transfer", true, ChatbotAction.None)]
    [InlineData("Please DIRECT_TRANSFER", true, ChatbotAction.None)]
    public async Task Read_KeywordSpreadOverDeltas_IsAnActionWhenTheFinalTextEqualsIt(string text, bool transfer, ChatbotAction expected)
    {
        var body = Sse.Delta(text[..3]) + Sse.Delta(text[3..]);

        var reply = await ReadAsync(body, transferToLiveAgent: transfer);

        reply.Action.Should().Be(expected);
        reply.Keyword.Should().Be(expected);
        reply.IsActionRefused.Should().BeFalse();
        reply.Text.Should().Be(text);
    }

    [Fact]
    public async Task Read_DirectTransferWhenTransferIsOff_KeepsTheChatbotAndWarns()
    {
        var reply = await ReadAsync(Sse.Final(ChatbotKeywords.DirectTransfer), transferToLiveAgent: false);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Action.Should().Be(ChatbotAction.None);
        reply.Keyword.Should().Be(ChatbotAction.DirectTransfer, "the keyword is still not an answer to show");
        reply.IsActionRefused.Should().BeTrue();
        reply.Text.Should().Be(ChatbotKeywords.DirectTransfer);
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.TransferNotEnabled);
    }

    [Fact]
    public async Task Read_KeywordInAnInterruptedReply_IsNotAnAction()
    {
        var stream = new ChunkedStream(Sse.Delta(ChatbotKeywords.CloseEnquiry), endWith: new IOException("reset"));

        var reply = await ChatbotReplyReading.ReadReplyAsync(stream, Sse.EventStream);

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Action.Should().Be(ChatbotAction.None);
        reply.Keyword.Should().Be(ChatbotAction.None);
    }

    [Fact]
    public async Task Read_ManyMalformedEvents_KeepsABoundedNumberOfWarnings()
    {
        var body = string.Concat(Enumerable.Repeat("data: x\n\n", 1000)) + Sse.Delta("ok");

        var reply = await ReadAsync(body);

        reply.Text.Should().Be("ok");
        reply.Warnings.Should().HaveCount(ReplyWarnings.MaxWarnings + 1);
        reply.Warnings[^1].Code.Should().Be(ChatbotWarningCodes.WarningsSuppressed);
        reply.Warnings[^1].Message.Should().Contain("968");
    }

    [Fact]
    public async Task Read_SmallDeltas_AllocateAlmostNothingBeyondTheFinalText()
    {
        const int events = 10_000;
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sse.Delta("word "), events)));
        await ChatbotReplyReading.ReadReplyAsync(new MemoryStream(body), Sse.EventStream);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var reply = await ChatbotReplyReading.ReadReplyAsync(new MemoryStream(body), Sse.EventStream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        reply.Text.Length.Should().Be(5 * events);
        var finalText = 22 + (2 * reply.Text.Length);
        (allocated - finalText).Should().BeLessThan(events * 32L, "reading an event allocates nothing of its own");
    }

    [Fact]
    public async Task ReadUpdates_Stream_YieldsDeltasReplacementsAndWarningsInOrder()
    {
        var body = Sse.Delta("Hel") + Sse.Delta("lo") + Sse.Event("oops") + Sse.Final("Hello!") + Sse.Delta("late");
        using var reader = new ChatbotReplyReader(new ChatbotLimits());

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in reader.ReadUpdatesAsync(new ChunkedStream(body, 4), Sse.EventStream, CancellationToken.None))
        {
            updates.Add(update);
        }

        updates.Select(Describe).Should().Equal(
            "Delta:Hel", "Delta:lo", "Warning:" + ChatbotWarningCodes.MalformedEvent, "Replace:Hello!", "Warning:" + ChatbotWarningCodes.EventAfterFinal);
        reader.CreateReply(null, null, 200, null).Text.Should().Be("Hello!");
    }

    [Fact]
    public async Task ReadUpdates_FinalEventRepeatingTheText_YieldsNoReplacement()
    {
        using var reader = new ChatbotReplyReader(new ChatbotLimits());

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in reader.ReadUpdatesAsync(new ChunkedStream(Sse.Delta("Hi ") + Sse.Delta("there") + Sse.Final("Hi there")), Sse.EventStream, CancellationToken.None))
        {
            updates.Add(update);
        }

        updates.Select(Describe).Should().Equal("Delta:Hi ", "Delta:there");
    }

    private static string Describe(ChatbotReplyUpdate update) => update.Kind switch
    {
        ChatbotReplyUpdateKind.Warning => $"Warning:{update.Warning!.Code}",
        _ => $"{update.Kind}:{update.Text}",
    };

    internal static Task<ChatbotReply> ReadAsync(string body, string? mediaType = Sse.EventStream, int chunk = int.MaxValue, ChatbotLimits? limits = null, bool transferToLiveAgent = false) =>
        ChatbotReplyReading.ReadReplyAsync(new ChunkedStream(body, chunk), mediaType, limits, transferToLiveAgent);
}

using System.Net;
using System.Text;

namespace Cinnox.Chatbot.Server.Tests;

public sealed partial class ChatbotRepliesTests
{
    private const string EventStream = "text/event-stream";

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Text_RequestAcceptsEventStream_IsStillJson(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Text("Please contact our customer service support.")));

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", EventStream));

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        answer.Body.Should().Be("""{"message":{"type":1,"text":"Please contact our customer service support."}}""")
            .And.Be(Compact(SeedExamples.Text("reply-text")));
    }

    [Theory]
    [InlineData("DIRECT_TRANSFER")]
    [InlineData("CLOSE_ENQUIRY")]
    public async Task Keywords_AreTextMessagesInJson(string keyword)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) =>
            ValueTask.FromResult(keyword == "DIRECT_TRANSFER" ? ChatbotReplies.DirectTransfer() : ChatbotReplies.CloseEnquiry()));

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", EventStream));

        answer.Body.Should().Be($$$"""{"message":{"type":1,"text":"{{{keyword}}}"}}""");
        ((ChatbotTextMessage)answer.Message).Action.Should().NotBe(ChatbotAction.None);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Advanced_RequestAcceptsEventStream_IsAlwaysJson(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Advanced(message => message
            .AddBubble(bubble => bubble.AddText(title: "Title", text: "Body text", footer: "Footer text")))));

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", EventStream));

        answer.MediaType.Should().Be("application/json");
        answer.Body.Should().Be(ChatbotJson.SerializeReplyToString(ChatbotJson.ParseReply(SeedExamples.Text("reply-advanced-bubble-text"))));
    }

    [Theory]
    [InlineData("reply-advanced-bubble-text")]
    [InlineData("reply-advanced-quick-reply")]
    [InlineData("reply-advanced-bubble-button-1")]
    [InlineData("reply-advanced-bubble-button-2")]
    public async Task Message_SeedAdvancedExamples_AreWrittenUnchanged(string name)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) =>
            ValueTask.FromResult(ChatbotReplies.Message(ChatbotJson.ParseReply(SeedExamples.Text(name)))));

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi"}"""));

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Body.Should().Be(Compact(SeedExamples.Text(name)));
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Stream_RequestAcceptsEventStream_IsWrittenAsDeltaEventsThenAFinalEvent(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("Hello", ", ", "wörld \"1\"\n"))));

        var (response, events) = await EventStreams.ReadRawAsync(bot, BotServer.Post("""{"query":"hi"}""", EventStream));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(EventStream);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
        events.Select(e => string.Join('\n', e.Lines)).Should().Equal(
            """data: {"message":{"type":1,"text":"Hello","streamType":"delta"}}""",
            """data: {"message":{"type":1,"text":", ","streamType":"delta"}}""",
            """data: {"message":{"type":1,"text":"wörld \"1\"\n","streamType":"delta"}}""",
            """data: {"message":{"type":1,"text":"Hello, wörld \"1\"\n","streamType":"final"}}""");
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Stream_ReadWithSseParser_EveryEventIsAMessageEventWithATextMessage(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("a", "b", "", "c"))));

        var items = await EventStreams.ReadParsedAsync(bot, BotServer.Post("""{"query":"hi"}""", EventStream));

        items.Should().OnlyContain(item => item.EventType == "message");
        var messages = items.Select(item => EventStreams.Message(item.Data)).ToList();
        messages.Select(m => m.Text).Should().Equal("a", "b", "c", "abc");
        messages.Select(m => m.StreamType!.Value.Value).Should().Equal("delta", "delta", "delta", "final");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("text/event-stream;q=0")]
    public async Task Stream_RequestDoesNotAcceptEventStream_IsCollectedIntoOneJsonText(string? accept)
    {
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("You ", "said: ", "hi"))));

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", accept));

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        answer.Body.Should().Be("""{"message":{"type":1,"text":"You said: hi"}}""");
        answer.ContentHeaders.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(answer.Body));
    }

    [Theory]
    [InlineData(ChatbotStreamCompletion.FinalEvent, """data: {"message":{"type":1,"text":"ab","streamType":"final"}}""")]
    [InlineData(ChatbotStreamCompletion.DoneSentinel, "data: [DONE]")]
    [InlineData(ChatbotStreamCompletion.None, null)]
    public async Task Stream_Completion_EndsAsConfigured(ChatbotStreamCompletion completion, string? last)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("a", "b"))),
            options => options.StreamCompletion = completion);

        var (_, events) = await EventStreams.ReadRawAsync(bot, BotServer.Post("""{"query":"hi"}""", EventStream));

        var expected = new List<string>
        {
            """data: {"message":{"type":1,"text":"a","streamType":"delta"}}""",
            """data: {"message":{"type":1,"text":"b","streamType":"delta"}}""",
        };
        if (last is not null)
        {
            expected.Add(last);
        }

        events.Select(e => string.Join('\n', e.Lines)).Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Stream_SurrogatePairSplitAcrossPieces_ArrivesWhole(Transport transport)
    {
        const string Emoji = "\U0001F600";
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("smile " + Emoji[0], Emoji[1] + "!"))));

        var (_, events) = await EventStreams.ReadRawAsync(bot, BotServer.Post("""{"query":"hi"}""", EventStream));
        var collected = await bot.SendAsync(BotServer.Post("""{"query":"hi"}"""));

        EventStreams.DeltaText(events).Should().Be("smile " + Emoji + "!");
        EventStreams.Message(events[^1].Data).Text.Should().Be("smile " + Emoji + "!");
        collected.Text.Should().Be("smile " + Emoji + "!");
    }

    private static string Compact(string json) => ChatbotJson.SerializeReplyToString(ChatbotJson.ParseReply(json));
}

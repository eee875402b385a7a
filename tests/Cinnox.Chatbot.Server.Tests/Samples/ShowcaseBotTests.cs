using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Server.Tests.Samples;

/// <summary>The contract of <c>samples/ShowcaseBot</c>, hosted in process, on loopback, and as its own process.</summary>
public sealed class ShowcaseBotTests
{
    private static Task<BotServer> StartAsync(Transport transport, string? apiKey = null, TimeProvider? time = null) =>
        BotServer.StartAsync(transport, app => Cinnox.Chatbot.Samples.ShowcaseBot.Map(app), services =>
        {
            Cinnox.Chatbot.Samples.ShowcaseBot.AddServices(services, apiKey);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });

    [Theory]
    [InlineData(Transport.InProcess, "agent", ChatbotAction.DirectTransfer)]
    [InlineData(Transport.Loopback, "agent", ChatbotAction.DirectTransfer)]
    [InlineData(Transport.InProcess, " Bye ", ChatbotAction.CloseEnquiry)]
    [InlineData(Transport.Loopback, "bye", ChatbotAction.CloseEnquiry)]
    public async Task Keywords_AnswerTheirAction(Transport transport, string query, ChatbotAction action)
    {
        await using var bot = await StartAsync(transport);

        var answer = await bot.SendAsync(BotServer.PostQuery(query, acceptEventStream: true));

        answer.MediaType.Should().Be("application/json");
        answer.Message.Should().BeOfType<ChatbotTextMessage>().Which.Action.Should().Be(action);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Card_IsABubbleWithTextAnImageAndTwoButtons(Transport transport)
    {
        await using var bot = await StartAsync(transport);

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(BotServer.PostQuery("card", acceptEventStream: true))).Message;

        var bubble = message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<BubbleContainer>().Subject;
        bubble.Items.Select(item => item.GetType()).Should().Equal(typeof(TextItem), typeof(ImageItem), typeof(ButtonItem), typeof(ButtonItem));
        ChatbotMessageValidator.IsValid(message).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Menu_IsAQuickReply(Transport transport)
    {
        await using var bot = await StartAsync(transport);

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(BotServer.PostQuery("MENU"))).Message;

        message.AdvancedItems.OfType<QuickReplyContainer>().Should().ContainSingle().Which.Items.Should().HaveCountGreaterThan(1).And.AllBeOfType<ButtonItem>();
        ChatbotMessageValidator.IsValid(message).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task List_IsAList(Transport transport)
    {
        await using var bot = await StartAsync(transport);

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(BotServer.PostQuery("list"))).Message;

        var list = message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<ListContainer>().Subject;
        list.Items[0].Should().BeOfType<TextItem>();
        list.Items.Skip(1).Should().HaveCountGreaterThan(1).And.AllBeOfType<ButtonItem>();
        ChatbotMessageValidator.IsValid(message).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Carousel_HasAtLeastTwoBubbles(Transport transport)
    {
        await using var bot = await StartAsync(transport);

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(BotServer.PostQuery("carousel", acceptEventStream: true))).Message;

        message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<CarouselContainer>()
            .Which.Items.Should().HaveCountGreaterThanOrEqualTo(2).And.AllBeOfType<BubbleContainer>();
        ChatbotMessageValidator.IsValid(message).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task WhoAmI_NamesTheVisitorTheChannelAndTheParameterKeys(Transport transport)
    {
        await using var bot = await StartAsync(transport);

        var answer = await bot.SendAsync(BotServer.Post("""
            {"query":"whoami","queryParams":{"tenant":"t1","lang":"en"},"visitorName":"Ann Lee","channelType":"WEB_WIDGET"}
            """));

        answer.Text.Should().Contain("Ann Lee").And.Contain("WEB_WIDGET").And.Contain("tenant").And.Contain("lang");
    }

    [Fact]
    public async Task WhoAmI_ContextInANestedObject_IsNamedToo()
    {
        await using var bot = await StartAsync(Transport.InProcess);

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"whoami","context":{"visitorName":"Bo","channelType":"LINE"}}"""));

        answer.Text.Should().Contain("Bo").And.Contain("LINE");
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Anything_WithoutEventStream_IsOneJsonText(Transport transport)
    {
        await using var bot = await StartAsync(transport);

        var answer = await bot.SendAsync(BotServer.PostQuery("hello there"));
        var legacy = await bot.SendAsync(BotServer.Post("""{"queryResult":{"queryText":"old format"}}"""));

        answer.MediaType.Should().Be("application/json");
        answer.Text.Should().Be("You said: hello there");
        legacy.Text.Should().Be("You said: old format");
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task Anything_WithEventStream_IsStreamedWordByWordWithAPauseBetweenWords(Transport transport)
    {
        var time = new FakeTimeProvider();
        await using var bot = await StartAsync(transport, time: time);

        using var response = await bot.Client.SendAsync(BotServer.PostQuery("hello big world", acceptEventStream: true), HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var events = SseLineReader.ReadAsync(body).GetAsyncEnumerator();

        var words = new List<string?>();
        (await events.MoveNextAsync()).Should().BeTrue();
        words.Add(EventStreams.Message(events.Current.Data).Text);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await Waiting.UntilAsync(() => time.ActiveTimerCount() == 2);
            time.Advance(Cinnox.Chatbot.Samples.ShowcaseBot.WordPause - TimeSpan.FromTicks(1));
            time.ActiveTimerCount().Should().Be(2, "the next word waits for the whole pause");
            time.Advance(TimeSpan.FromTicks(1));
            (await events.MoveNextAsync()).Should().BeTrue();
            words.Add(EventStreams.Message(events.Current.Data).Text);
        }

        (await events.MoveNextAsync()).Should().BeTrue();
        var final = EventStreams.Message(events.Current.Data);
        (await events.MoveNextAsync()).Should().BeFalse();

        words.Should().Equal("You ", "said: ", "hello ", "big ", "world");
        final.Text.Should().Be("You said: hello big world");
        final.StreamType!.Value.IsTerminal.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task ApiKey_WhenSet_IsRequired(Transport transport)
    {
        await using var bot = await StartAsync(transport, apiKey: "k-123");

        var without = await bot.SendAsync(BotServer.PostQuery("agent"));
        var wrong = BotServer.PostQuery("agent");
        wrong.Headers.TryAddWithoutValidation("Authorization", "Bearer k-124");
        var right = BotServer.PostQuery("agent");
        right.Headers.TryAddWithoutValidation("Authorization", "Bearer k-123");

        without.Status.Should().Be(HttpStatusCode.Unauthorized);
        (await bot.SendAsync(wrong)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await bot.SendAsync(right)).Text.Should().Be("DIRECT_TRANSFER");
    }

    [Fact]
    public async Task Process_RunWithUrlsAndAnApiKey_ServesTheContract()
    {
        await using var bot = await SampleBotProcess.StartAsync("ShowcaseBot", environment => environment["CHATBOT_API_KEY"] = "process-key");
        using var client = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var refused = await client.SendAsync(BotServer.PostQuery("bye"));
        using var allowed = BotServer.PostQuery("bye");
        allowed.Headers.TryAddWithoutValidation("Authorization", "Bearer process-key");
        using var answered = await client.SendAsync(allowed);

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).Should().Be("""{"message":{"type":1,"text":"CLOSE_ENQUIRY"}}""");
    }
}

using System.Net;
using System.Text.Json;

namespace Cinnox.Chatbot.Server.Tests;

public sealed partial class ChatbotEndpointTests
{
    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task CurrentFormat_SeedExample_HandlerSeesEveryField(Transport transport)
    {
        var (bot, seen) = await CapturingBotAsync(transport);
        await using var _ = bot;

        var answer = await bot.SendAsync(BotServer.Post(SeedExamples.Text("request-current")));

        answer.Status.Should().Be(HttpStatusCode.OK);
        seen.Value.Query.Should().Be("user message text");
        seen.Value.QueryParams.Should().Equal(new Dictionary<string, string> { ["key"] = "value" });
        seen.Value.InquiryId.Should().Be("string");
        seen.Value.Action.Should().Be("input.unknown");
        seen.Value.IsLegacyFormat.Should().BeFalse();
        seen.Value.Format.Should().Be(ChatbotRequestFormat.Current);
        seen.Value.AcceptsStreaming.Should().BeFalse();
        seen.Value.HttpContext.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task LegacyFormat_SeedExample_HandlerSeesQueryAndLegacyFlag(Transport transport)
    {
        var (bot, seen) = await CapturingBotAsync(transport);
        await using var _ = bot;

        var answer = await bot.SendAsync(BotServer.Post("""{"queryResult":{"queryText":"hello from before"}}"""));

        answer.Status.Should().Be(HttpStatusCode.OK);
        seen.Value.Query.Should().Be("hello from before");
        seen.Value.IsLegacyFormat.Should().BeTrue();
        seen.Value.QueryParams.Should().BeEmpty();
        seen.Value.InquiryId.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task BothFormats_QueryAndQueryText_QueryWins(Transport transport)
    {
        var (bot, seen) = await CapturingBotAsync(transport);
        await using var _ = bot;

        await bot.SendAsync(BotServer.Post("""{"queryResult":{"queryText":"old"},"query":"new"}"""));

        seen.Value.Query.Should().Be("new");
        seen.Value.IsLegacyFormat.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task ContextFields_AtTopLevel_AreRead(Transport transport)
    {
        var (bot, seen) = await CapturingBotAsync(transport);
        await using var _ = bot;

        var context = JsonSerializer.Deserialize<Dictionary<string, string>>(SeedExamples.Text("request-context-fields"))!;
        var body = JsonSerializer.Serialize(new Dictionary<string, string>(context) { ["query"] = "hi" });
        await bot.SendAsync(BotServer.Post(body));

        foreach (var name in ChatbotEnquiryContext.FieldNames)
        {
            seen.Value.Context[name].Should().Be("string", because: $"{name} is sent at the top level");
        }
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task ContextFields_InNestedContext_AreReadAndTopLevelWins(Transport transport)
    {
        var (bot, seen) = await CapturingBotAsync(transport);
        await using var _ = bot;

        await bot.SendAsync(BotServer.Post("""
            {"query":"hi","channelType":"WEB","context":{"visitorName":"Ann","channelType":"LINE","omniType":"web"}}
            """));

        seen.Value.Context.VisitorName.Should().Be("Ann");
        seen.Value.Context.OmniType.Should().Be("web");
        seen.Value.Context.ChannelType.Should().Be("WEB");
        seen.Value.AdditionalProperties.Should().ContainKey("context");
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task UnknownFields_AreKeptAndExposed(Transport transport)
    {
        var (bot, seen) = await CapturingBotAsync(transport);
        await using var _ = bot;

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi","tenant":{"id":7},"flags":[1,2],"locale":"en-GB"}"""));

        answer.Status.Should().Be(HttpStatusCode.OK);
        seen.Value.AdditionalProperties.Keys.Should().BeEquivalentTo("tenant", "flags", "locale");
        seen.Value.AdditionalProperties["tenant"].GetProperty("id").GetInt32().Should().Be(7);
        seen.Value.AdditionalProperties["locale"].GetString().Should().Be("en-GB");
    }

    [Theory]
    [InlineData("text/event-stream", true)]
    [InlineData("application/json, text/event-stream", true)]
    [InlineData("TEXT/EVENT-STREAM; q=0.5", true)]
    [InlineData("text/event-stream;q=0", false)]
    [InlineData("application/json", false)]
    [InlineData("*/*", false)]
    [InlineData(null, false)]
    public async Task AcceptsStreaming_FollowsTheAcceptHeader(string? accept, bool expected)
    {
        bool? seen = null;
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (context, _) =>
        {
            seen = context.AcceptsStreaming;
            return ValueTask.FromResult(ChatbotReplies.Text("ok"));
        });

        await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", accept));

        seen.Should().Be(expected);
    }

    [Fact]
    public async Task Context_ChunkedBodyInManySegments_IsReadWhole()
    {
        string? seen = null;
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (context, _) =>
        {
            seen = context.Query;
            return ValueTask.FromResult(ChatbotReplies.Text("ok"));
        });

        var query = new string('q', 200_000);
        using var request = new HttpRequestMessage(HttpMethod.Post, "chatbot")
        {
            Content = new TricklingContent(System.Text.Encoding.UTF8.GetBytes($$"""{"query":"{{query}}"}"""), chunk: 4096),
        };
        var answer = await bot.SendAsync(request);

        answer.Status.Should().Be(HttpStatusCode.OK);
        seen.Should().Be(query);
    }

    private static async Task<(BotServer Bot, Captured Seen)> CapturingBotAsync(Transport transport)
    {
        var seen = new Captured();
        var bot = await BotServer.StartAsync(transport, (context, _) =>
        {
            seen.Value = context;
            return ValueTask.FromResult(ChatbotReplies.Text("ok"));
        });
        return (bot, seen);
    }

    private sealed class Captured
    {
        private ChatbotRequestContext? _value;

        public ChatbotRequestContext Value
        {
            get => _value ?? throw new InvalidOperationException("The handler was not called.");
            set => _value = value;
        }
    }
}

using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>A <see cref="ChatClientBuilder"/> pipeline behind the endpoint, unchanged, and chat clients from dependency injection.</summary>
public sealed class ChatClientPipelineTests
{
    private static IChatClient Pipeline(IChatClient model, IDistributedCache? cache = null, string? telemetrySource = null)
    {
        var builder = model.AsBuilder();
        if (cache is not null)
        {
            builder.UseDistributedCache(cache);
        }

        builder.UseFunctionInvocation();
        if (telemetrySource is not null)
        {
            builder.UseOpenTelemetry(sourceName: telemetrySource);
        }

        return builder.Build();
    }

    [Fact]
    public async Task FunctionInvocation_TransferEndsTheLoop_WithoutAskingTheModelAgain()
    {
        var model = new ScriptedChatClient().EnqueueToolCall(ChatbotTools.TransferToLiveAgentName);
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, Pipeline(model), options => options.ActionTools = ChatbotActionTools.All);

        var answer = await bot.SendAsync(ChatClientBots.Request("agent please"));

        answer.Text.Should().Be(ChatbotKeywords.DirectTransfer);
        model.Calls.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FunctionInvocation_ChoicesAreInvoked_AndTheModelWritesTheTextThatGoesWithThem(bool stream)
    {
        var model = new ScriptedChatClient()
            .EnqueueToolCall(ChatbotTools.OfferChoicesName, new Dictionary<string, object?> { ["choices"] = new[] { "Tea", "Coffee" } })
            .EnqueueText("Which ", "one?");
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, Pipeline(model), options => options.ActionTools = ChatbotActionTools.All);

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(ChatClientBots.Request("drinks", stream: stream))).Message;

        model.Calls.Should().HaveCount(2);
        model.Calls[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Should().ContainSingle()
            .Which.Result!.ToString().Should().Contain("buttons");
        ((TextItem)((BubbleContainer)message.AdvancedItems[0]).Items[0]).Text.Should().Be("Which one?");
        ((QuickReplyContainer)message.AdvancedItems[1]).Items.Cast<ButtonItem>().Select(b => b.Text).Should().Equal("Tea", "Coffee");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DistributedCache_AnswersTheSameStatelessRequestFromTheCache(bool stream)
    {
        var model = new ScriptedChatClient();
        var memory = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, Pipeline(model, memory));

        var first = await Text(bot, ChatClientBots.Request("what are your hours?", stream: stream), stream);
        var second = await Text(bot, ChatClientBots.Request("what are your hours?", stream: stream), stream);

        first.Should().Be("Echo: what are your hours?");
        second.Should().Be(first);
        model.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task OpenTelemetry_RecordsOneChatActivityPerRequest()
    {
        var source = "Cinnox.Chatbot.Tests." + Guid.NewGuid().ToString("N");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        var model = new ScriptedChatClient();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, Pipeline(model, telemetrySource: source));

        var events = await ChatClientBots.StreamAsync(bot, ChatClientBots.Request("hi there", stream: true));

        EventStreams.DeltaText(events).Should().Be("Echo: hi there");
        lock (activities)
        {
            activities.Where(activity => activity.DisplayName.StartsWith("chat", StringComparison.Ordinal)).Should().ContainSingle(
                string.Join(", ", activities.Select(activity => activity.DisplayName)));
        }
    }

    [Fact]
    public async Task ChatClientFromServices_IsResolvedPerRequest_KeyedOrNot()
    {
        var plain = new ScriptedChatClient();
        var keyed = new ScriptedChatClient().EnqueueText("keyed");
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app =>
        {
            app.MapCinnoxChatbotChatClient("/chatbot");
            app.MapCinnoxChatbotChatClient("/sales", serviceKey: "sales");
        }, services =>
        {
            services.AddCinnoxChatbotServer();
            services.AddChatClient(plain);
            services.AddKeyedChatClient("sales", keyed);
        });

        (await bot.SendAsync(ChatClientBots.Request("hi"))).Text.Should().Be("Echo: hi");
        (await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", path: "sales"))).Text.Should().Be("keyed");
    }

    [Fact]
    public async Task ChatClientFromServices_WhenNoneIsRegistered_FailsWhenMappedAndSaysHowToFixIt()
    {
        var start = () => BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbotChatClient("/chatbot"), services => services.AddCinnoxChatbotServer());

        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*AddChatClient*");
    }

    [Fact]
    public async Task Options_OutOfRange_FailWhenMappedNamingTheProperty()
    {
        var start = () => ChatClientBots.StartAsync(Transport.InProcess, new ScriptedChatClient(), options => options.MaxHistoryMessages = -1);

        (await start.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithMessage("*MaxHistoryMessages*");
    }

    private static async Task<string> Text(BotServer bot, HttpRequestMessage request, bool stream) =>
        stream ? EventStreams.DeltaText(await ChatClientBots.StreamAsync(bot, request)) : (await bot.SendAsync(request)).Text!;
}

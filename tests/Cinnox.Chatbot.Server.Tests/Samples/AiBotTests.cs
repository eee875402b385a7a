using System.Net;
using Cinnox.Chatbot.Samples;
using Microsoft.Extensions.Configuration;

namespace Cinnox.Chatbot.Server.Tests.Samples;

/// <summary>The contract of <c>samples/AiBot</c> with no model configured: the labelled rule-based stand-in.</summary>
public sealed class AiBotTests
{
    private static Task<BotServer> StartAsync() =>
        BotServer.StartAsync(Transport.InProcess, AiBot.Map, services => AiBot.AddServices(services, new ConfigurationBuilder().Build()));

    [Fact]
    public void NoModelConfigured_SaysSo_AndUsesTheRuleBasedClient()
    {
        var model = AiBot.AddServices(new ServiceCollection(), new ConfigurationBuilder().Build());

        model.Client.Should().BeOfType<RuleBasedChatClient>();
        model.Description.Should().Contain("no model is configured").And.Contain("NOT a language model");
    }

    [Fact]
    public void OllamaConfigured_IsChosen()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AIBOT_OLLAMA_ENDPOINT"] = "http://127.0.0.1:11434" }).Build();

        AiBot.AddServices(new ServiceCollection(), configuration).Description.Should().Contain("Ollama model 'llama3.2'");
    }

    [Fact]
    public async Task Anything_IsStreamedWordByWord_WithTheRuleBasedLabel()
    {
        await using var bot = await StartAsync();

        var (response, events) = await EventStreams.ReadRawAsync(bot, BotServer.PostQuery("hello there", acceptEventStream: true));
        response.Dispose();

        events.Count.Should().BeGreaterThan(3);
        EventStreams.DeltaText(events).Should().Be(RuleBasedChatClient.Label + "You said: hello there");
    }

    [Theory]
    [InlineData("agent", ChatbotAction.DirectTransfer)]
    [InlineData("bye", ChatbotAction.CloseEnquiry)]
    public async Task Keywords_BecomeActionsThroughTheTools(string query, ChatbotAction action)
    {
        await using var bot = await StartAsync();

        var answer = await bot.SendAsync(BotServer.PostQuery(query, acceptEventStream: true));

        answer.Message.Should().BeOfType<ChatbotTextMessage>().Which.Action.Should().Be(action);
    }

    [Fact]
    public async Task Menu_IsAQuickReplyWithTheMessageTheToolAskedFor()
    {
        await using var bot = await StartAsync();

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(BotServer.PostQuery("menu", acceptEventStream: true))).Message;

        ((TextItem)((BubbleContainer)message.AdvancedItems[0]).Items[0]).Text.Should().StartWith(RuleBasedChatClient.Label);
        ((QuickReplyContainer)message.AdvancedItems[1]).Items.Should().HaveCount(3);
    }

    [Fact]
    public async Task Process_RunWithoutConfiguration_SaysSoAndAnswers()
    {
        await using var bot = await SampleBotProcess.StartAsync("AiBot", environment =>
        {
            foreach (var name in new[] { "AIBOT_OPENAI_APIKEY", "AIBOT_OLLAMA_ENDPOINT", "CHATBOT_API_KEY" })
            {
                environment.Remove(name);
            }
        });
        using var client = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var answered = await client.SendAsync(BotServer.PostQuery("hi"));

        bot.StartupOutput.Should().Contain("no model is configured");
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).Should().Contain("You said: hi");
    }
}

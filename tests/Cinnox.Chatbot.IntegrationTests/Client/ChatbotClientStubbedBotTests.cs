using System.Text.Json;
using Cinnox.Chatbot.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// The registered client against bots stubbed at the HTTP level with WireMock.Net: statuses, <c>Retry-After</c>, delays,
/// JSON bodies, and the requests as the bot received them.
/// </summary>
public class ChatbotClientStubbedBotTests
{
    [Fact]
    public async Task SendAsync_JsonReply_CompletesAndTheBotSeesTheRequestAsSent()
    {
        using var bot = StubbedBot.Start();
        bot.Given(Request.Create().WithPath("/bot").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(SeedExamples.Text("reply-advanced-list")));
        await using var factory = new ClientFactory(bot.Url("/bot"));

        var reply = await factory.Client.SendAsync(new ChatbotRequest("Where is my order?") { InquiryId = "enq-42" });

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeFalse("a JSON answer to a streaming request is read as JSON");
        reply.Message.Should().BeOfType<ChatbotAdvancedMessage>();
        reply.StatusCode.Should().Be(200);
        var request = bot.LogEntries.Should().ContainSingle().Subject.RequestMessage;
        request.Headers!["Accept"].Should().Equal("text/event-stream");
        request.Headers["Content-Type"].Should().Equal("application/json; charset=utf-8");
        request.Headers["Authorization"].Should().Equal("Bearer loopback-secret");
        using var body = JsonDocument.Parse(request.Body!);
        body.RootElement.GetProperty("query").GetString().Should().Be("Where is my order?");
        body.RootElement.GetProperty("inquiryID").GetString().Should().Be("enq-42");
    }

    [Fact]
    public async Task SendAsync_ErrorStatus_KeepsStatusAndExcerpt()
    {
        using var bot = StubbedBot.Start();
        bot.Given(Request.Create().WithPath("/bot").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("{\"error\":\"bad api key\"}"));
        await using var factory = new ClientFactory(bot.Url("/bot"));

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(401);
        reply.ErrorBodyExcerpt.Should().Be("{\"error\":\"bad api key\"}");
        bot.LogEntries.Should().ContainSingle("401 is not a failure worth sending again");
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableTwiceThenOk_IsRetriedAndCompletes()
    {
        using var bot = StubbedBot.Start();
        bot.Given(Request.Create().WithPath("/bot").UsingPost()).InScenario("busy").WillSetStateTo("busy again")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        bot.Given(Request.Create().WithPath("/bot").UsingPost()).InScenario("busy").WhenStateIs("busy again").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        bot.Given(Request.Create().WithPath("/bot").UsingPost()).InScenario("busy").WhenStateIs("ready")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(SeedExamples.Text("reply-text")));
        await using var factory = new ClientFactory(bot.Url("/bot"));

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        bot.LogEntries.Should().HaveCount(3);
        bot.LogEntries.Select(entry => entry.RequestMessage.Body).Distinct().Should().ContainSingle("every attempt sends the same body");
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanMaxDelay_EndsWithTheErrorAtOnce()
    {
        using var bot = StubbedBot.Start();
        bot.Given(Request.Create().WithPath("/bot").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "60").WithBody("slow down"));
        await using var factory = new ClientFactory(bot.Url("/bot"), retry: retry => retry.MaxDelay = TimeSpan.FromSeconds(10));

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(429);
        reply.ErrorBodyExcerpt.Should().Be("slow down");
        bot.LogEntries.Should().ContainSingle("a 60 s wait is longer than MaxDelay");
    }

    [Fact]
    public async Task SendAsync_BotSlowerThanTheTotalTime_IsTimedOutAndNotRetried()
    {
        using var bot = StubbedBot.Start();
        bot.Given(Request.Create().WithPath("/bot").UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(1)).WithHeader("Content-Type", "application/json").WithBody(SeedExamples.Text("reply-text")));
        await using var factory = new ClientFactory(bot.Url("/bot"), destination => destination.Limits.TotalResponseTime = TimeSpan.FromMilliseconds(300));

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        reply.StatusCode.Should().BeNull();
        await Waiting.UntilAsync(() => bot.LogEntries.Any(), because: "the stub logs the request once its delayed answer is out");
        bot.LogEntries.Should().ContainSingle("a call that ran out of time is not sent again");
    }
}

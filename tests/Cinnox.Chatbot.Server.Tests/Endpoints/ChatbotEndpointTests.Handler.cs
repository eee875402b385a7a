using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Server.Tests;

public sealed partial class ChatbotEndpointTests
{
    private const string Secret = "connection string Password=hunter2";

    [Fact]
    public async Task SyncHandler_Replies()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbot("/chatbot", context => ChatbotReplies.Text($"sync {context.Query}")));

        (await bot.SendAsync(BotServer.PostQuery("hi"))).Text.Should().Be("sync hi");
    }

    [Fact]
    public async Task AsyncHandler_Replies()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbot("/chatbot", async context =>
        {
            await Task.Yield();
            return ChatbotReplies.Text($"async {context.Query}");
        }));

        (await bot.SendAsync(BotServer.PostQuery("hi"))).Text.Should().Be("async hi");
    }

    [Fact]
    public async Task TokenHandler_GetsTheContextsToken()
    {
        var same = false;
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbot("/chatbot", (context, cancellationToken) =>
        {
            same = cancellationToken == context.CancellationToken && cancellationToken.CanBeCanceled;
            return ValueTask.FromResult(ChatbotReplies.Text("ok"));
        }));

        await bot.SendAsync(BotServer.PostQuery("hi"));

        same.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task HandlerType_IsResolvedPerRequestWithScopedServices(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, app => app.MapCinnoxChatbot<EchoHandler>("/chatbot"), services => services.AddScoped<EchoHandler>());

        (await bot.SendAsync(BotServer.PostQuery("one"))).Text.Should().Be("handler 1: one");
        (await bot.SendAsync(BotServer.PostQuery("two"))).Text.Should().Be("handler 1: two", "each request gets a new scoped handler");
    }

    [Fact]
    public async Task MapCinnoxChatbot_ReturnsABuilderForConventions()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbot("/chatbot", _ => ChatbotReplies.Text("ok"))
            .WithMetadata(new MarkerMetadata()));

        var endpoint = bot.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.Single();
        endpoint.Metadata.GetMetadata<MarkerMetadata>().Should().NotBeNull();
        endpoint.DisplayName.Should().Contain("/chatbot");
    }

    [Fact]
    public async Task MapCinnoxChatbot_SeveralEndpoints_EachHasItsHandler()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app =>
        {
            app.MapCinnoxChatbot("/bots/{name}", context => ChatbotReplies.Text($"bot {context.HttpContext.Request.RouteValues["name"]}"));
            app.MapCinnoxChatbot("/other", _ => ChatbotReplies.Text("other"));
        });

        (await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", path: "bots/sales"))).Text.Should().Be("bot sales");
        (await bot.SendAsync(BotServer.Post("""{"query":"hi"}""", path: "other"))).Text.Should().Be("other");
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task HandlerThrows_Answers500WithoutDetailsAndLogsTheException(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => throw new InvalidOperationException(Secret));

        var answer = await bot.SendAsync(BotServer.Post("""{"query":"hi","inquiryID":"enq-1"}"""));

        ChatbotEndpointTests.AssertProblem(answer, HttpStatusCode.InternalServerError);
        answer.Body.Should().NotContain("hunter2").And.NotContain("InvalidOperation");
        var entry = bot.ToolkitLogs.Single(e => e.Id.Id == 3);
        entry.Level.Should().Be(LogLevel.Error);
        entry.Exception!.Message.Should().Be(Secret);
        entry.Message.Should().Contain("enq-1");
    }

    [Fact]
    public async Task HandlerThrowsAsynchronously_Answers500()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, async (_, _) =>
        {
            await Task.Yield();
            throw new TimeoutException(Secret);
        });

        ChatbotEndpointTests.AssertProblem(await bot.SendAsync(BotServer.PostQuery("hi")), HttpStatusCode.InternalServerError);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("whitespace")]
    [InlineData("advanced")]
    [InlineData("unknown")]
    [InlineData("null")]
    public async Task HandlerMakesAnInvalidReply_NothingInvalidIsWritten_Answers500(string kind)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(kind switch
        {
            "text" => ChatbotReplies.Text(""),
            "whitespace" => ChatbotReplies.Text("   "),
            "advanced" => ChatbotReplies.Advanced(message => message.AddBubble(bubble => bubble.AddPostbackButton("a button text over twenty", "x"))),
            "unknown" => ChatbotReplies.Message(ChatbotJson.ParseReply("""{"message":{"type":42,"text":"?"}}""")),
            _ => null!,
        }));

        var answer = await bot.SendAsync(BotServer.PostQuery("hi"));

        ChatbotEndpointTests.AssertProblem(answer, HttpStatusCode.InternalServerError);
        bot.ToolkitLogs.Should().ContainSingle(e => e.Id.Id == 3 && e.Level == LogLevel.Error);
    }

    [Fact]
    public void Message_ChangedAfterTheReplyWasMade_WritesWhatWasChecked()
    {
        var message = new ChatbotTextMessage("checked");
        var reply = ChatbotReplies.Message(message);
        message.Text = "";

        ChatbotJson.ParseReply(reply.Body.Span).Should().BeOfType<ChatbotTextMessage>().Which.Text.Should().Be("checked");
        reply.Message.Should().BeSameAs(message);
        reply.IsStream.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task StreamThrowsBeforeAnyText_Answers500(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.ThenThrow(new InvalidOperationException(Secret), "", ""))));

        var streamed = await bot.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true));
        var collected = await bot.SendAsync(BotServer.PostQuery("hi"));

        ChatbotEndpointTests.AssertProblem(streamed, HttpStatusCode.InternalServerError);
        ChatbotEndpointTests.AssertProblem(collected, HttpStatusCode.InternalServerError);
        streamed.Body.Should().NotContain("hunter2");
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task StreamThatFailsToStart_Answers500AndLogsTheException(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(new FailingToStart())));

        var streamed = await bot.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true));
        var collected = await bot.SendAsync(BotServer.PostQuery("hi"));

        ChatbotEndpointTests.AssertProblem(streamed, HttpStatusCode.InternalServerError);
        ChatbotEndpointTests.AssertProblem(collected, HttpStatusCode.InternalServerError);
        streamed.Body.Should().NotContain("hunter2");
        collected.Body.Should().NotContain("hunter2");
        bot.ToolkitLogs.Where(e => e.Id.Id == 3).Should().HaveCount(2).And.OnlyContain(e => e.Exception!.Message == Secret);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task StreamThrowsAfterText_ResponseIsAbortedAndTheServerStaysHealthy(Transport transport)
    {
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(transport, (context, _) => ValueTask.FromResult(context.Query == "fail"
            ? ChatbotReplies.Stream(FailAfterFirst(firstRead.Task))
            : ChatbotReplies.Text("fine")));

        using var response = await bot.Client.SendAsync(BotServer.PostQuery("fail", acceptEventStream: true), HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var events = SseLineReader.ReadAsync(body).GetAsyncEnumerator();
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Data.Should().Contain("partial ");
        firstRead.SetResult();

        var readRest = async () =>
        {
            while (await events.MoveNextAsync())
            {
            }
        };

        await readRest.Should().ThrowAsync<Exception>("an aborted response must not look complete");
        var entry = await bot.WaitForLogAsync(4);
        entry.Exception!.Message.Should().Be(Secret);
        (await bot.SendAsync(BotServer.PostQuery("ok"))).Text.Should().Be("fine");

        static async IAsyncEnumerable<string> FailAfterFirst(Task firstRead)
        {
            yield return "partial ";
            await firstRead;
            throw new InvalidOperationException(Secret);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamWithNoText_Answers500(bool acceptEventStream)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("", "", ""))));

        ChatbotEndpointTests.AssertProblem(await bot.SendAsync(BotServer.PostQuery("hi", acceptEventStream)), HttpStatusCode.InternalServerError);
        bot.ToolkitLogs.Should().ContainSingle(e => e.Id.Id == 9);
    }

    [Fact]
    public async Task CollectedStreamOfWhiteSpace_Answers500()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of(" ", "\n", "\u3000"))));

        ChatbotEndpointTests.AssertProblem(await bot.SendAsync(BotServer.PostQuery("hi")), HttpStatusCode.InternalServerError);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HandlerOutlastsTheTimeBudget_Answers503(bool honoursToken)
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.InProcess, async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await (honoursToken ? Task.Delay(Timeout.Infinite, cancellationToken) : new TaskCompletionSource().Task);
            return ChatbotReplies.Text("too late");
        }, options => options.Limits.TotalResponseTime = TimeSpan.FromSeconds(2), time);

        var sending = bot.SendAsync(BotServer.PostQuery("hi"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(2));
        var answer = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        ChatbotEndpointTests.AssertProblem(answer, HttpStatusCode.ServiceUnavailable);
        bot.ToolkitLogs.Should().ContainSingle(e => e.Id.Id == 10 && e.Level == LogLevel.Warning);
    }

    private sealed class MarkerMetadata;

    private sealed class EchoHandler : IChatbotHandler
    {
        private int _calls;

        public ValueTask<ChatbotServerReply> HandleAsync(ChatbotRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChatbotReplies.Text($"handler {++_calls}: {context.Query}"));
    }

    /// <summary>A hand-written text stream whose enumerator cannot even be created.</summary>
    private sealed class FailingToStart : IAsyncEnumerable<string>
    {
        public IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);
    }
}

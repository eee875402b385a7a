using System.Net;
using System.Text.Json.Nodes;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Tests;

public class ChatbotClientTests
{
    private const string Secret = "secret-key-value-9f2";

    [Fact]
    public async Task SendAsync_StreamingDestinationFromNativeChannel_AsksForAStream()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json(SeedExamples.Text("reply-text"))));
        var destination = Destination(configure: d =>
        {
            d.Headers["Accept"] = "application/json, text/event-stream";
            d.UrlParameters["tenant"] = "acme";
            d.UrlParameters["lang"] = "en";
        });
        var request = new ChatbotRequest("Hello") { InquiryId = "enq-1", Context = { VisitorName = "Ada" } };
        request.QueryParams["lang"] = "fr";

        var reply = await Client(handler, destination).SendAsync(request);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        var sent = handler.Requests.Should().ContainSingle().Subject;
        sent.Method.Should().Be(HttpMethod.Post);
        sent.Uri.Should().Be(new Uri("https://bot.example/hook?v=1"));
        sent.ContentType.Should().Be("application/json; charset=utf-8");
        sent.Headers["Accept"].Should().Be("application/json, text/event-stream");
        sent.Headers["X-Api-Key"].Should().Be(Secret);
        var body = JsonNode.Parse(sent.Body)!;
        body["query"]!.GetValue<string>().Should().Be("Hello");
        body["inquiryID"]!.GetValue<string>().Should().Be("enq-1");
        body["action"]!.GetValue<string>().Should().Be("input.unknown");
        body["visitorName"]!.GetValue<string>().Should().Be("Ada");
        body["queryParams"]!.ToJsonString().Should().Be("{\"tenant\":\"acme\",\"lang\":\"fr\"}");
        request.QueryParams.Should().ContainSingle("the caller's request is left as it was");
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task SendAsync_ExternalChannelOrNonStreamingDestination_AsksForJson(bool streamingDestination, bool externalChannel)
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json(SeedExamples.Text("reply-text"))));
        var client = Client(handler, Destination(streaming: streamingDestination));

        await client.SendAsync(new ChatbotRequest("Hi"), new ChatbotSendOptions { IsExternalChannel = externalChannel });

        handler.Requests.Single().Headers["Accept"].Should().Be("application/json");
    }

    [Fact]
    public async Task SendAsync_LegacyDestination_SendsOnlyTheLegacyBody()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json(SeedExamples.Text("reply-text"))));
        var destination = Destination(configure: d =>
        {
            d.RequestFormat = ChatbotRequestFormat.Legacy;
            d.UrlParameters["tenant"] = "acme";
        });

        await Client(handler, destination).SendAsync(new ChatbotRequest("Hello") { InquiryId = "enq-1" });

        handler.Requests.Single().Body.Should().Be("{\"queryResult\":{\"queryText\":\"Hello\"}}");
    }

    [Theory]
    [InlineData("X-Token", "abc\r\nX-Injected: 1")]
    [InlineData("X-Token", "abc\n")]
    [InlineData("Content-Type", "text/plain")]
    [InlineData("content-length", "5")]
    [InlineData("X-Token", "abc-ü")]
    public void Constructor_InvalidHeader_ThrowsBeforeAnythingIsSent(string name, string value)
    {
        var handler = new ScriptedHandler((_, _) => throw new InvalidOperationException("nothing may be sent"));
        var destination = Destination(configure: d => d.Headers[name] = value);

        var construct = () => Client(handler, destination);

        construct.Should().Throw<ChatbotConfigurationException>().Which.Message.Should().Contain(name).And.NotContain("abc");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Constructor_TotalResponseTimeLongerThanATimerCanWait_ThrowsBeforeAnythingIsSent()
    {
        var handler = new ScriptedHandler((_, _) => throw new InvalidOperationException("nothing may be sent"));
        var destination = Destination(configure: d => d.Limits.TotalResponseTime = TimeSpan.FromDays(60));

        var construct = () => Client(handler, destination);

        construct.Should().Throw<ChatbotConfigurationException>().Which.Message.Should().Contain("TotalResponseTime");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamAsync_StreamedReply_YieldsDeltasThenTheReply()
    {
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        await body.WriteAsync(Sse.Delta("Hel") + Sse.Delta("lo") + Sse.Event("{broken") + Sse.Final("Hello!"));
        body.Complete();

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in Client(handler).StreamAsync(new ChatbotRequest("hi")))
        {
            updates.Add(update);
        }

        updates.Select(update => update.Kind).Should().Equal(
            ChatbotReplyUpdateKind.Delta, ChatbotReplyUpdateKind.Delta, ChatbotReplyUpdateKind.Warning,
            ChatbotReplyUpdateKind.Replace, ChatbotReplyUpdateKind.Completed);
        var reply = updates[^1].Reply!;
        reply.Text.Should().Be("Hello!");
        reply.Streamed.Should().BeTrue();
        reply.StatusCode.Should().Be(200);
        reply.Warnings.Should().ContainSingle();
        (await updates.ToAsyncEnumerable().ToReplyAsync()).Should().BeSameAs(reply);
        body.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task StreamAsync_WarningsFoundAtTheEnd_AreYieldedBeforeTheReply()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json("{\"message\":{\"type\":1,\"text\":\"DIRECT_TRANSFER\"}}")));

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in Client(handler).StreamAsync(new ChatbotRequest("hi")))
        {
            updates.Add(update);
        }

        updates.Select(update => update.Kind).Should().Equal(
            ChatbotReplyUpdateKind.Delta, ChatbotReplyUpdateKind.Warning, ChatbotReplyUpdateKind.Completed);
        updates[1].Warning!.Code.Should().Be(ChatbotWarningCodes.TransferNotEnabled);
        updates[^1].Reply!.Streamed.Should().BeFalse();
    }

    [Fact]
    public async Task SendAsync_BotAnswersAnError_KeepsStatusAndACappedExcerpt()
    {
        var bigBody = new string('e', 1020) + "é€😀 and more";
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json(bigBody, HttpStatusCode.InternalServerError)));

        var reply = await Client(handler).SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(500);
        reply.ErrorBodyExcerpt.Should().Be(new string('e', 1020) + "é", "the excerpt stops at 1,024 bytes and never splits a character");
        reply.FailureReason.Should().Contain("500");
        reply.Message.Should().BeNull();
        handler.Requests.Should().ContainSingle("500 is not retried");
    }

    [Fact]
    public async Task SendAsync_CancelledBeforeAnyResponse_Throws()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException();
        });
        using var cancellation = new CancellationTokenSource();
        var call = Client(handler).SendAsync(new ChatbotRequest("hi"), cancellationToken: cancellation.Token);
        await Waiting.UntilAsync(() => handler.Requests.Count == 1, because: "the request was sent");

        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => call).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task SendAsync_CancelledAfterTheReplyBegan_IsInterruptedWithThePartialText()
    {
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        await body.WriteAsync(Sse.Delta("partial "));
        using var cancellation = new CancellationTokenSource();
        var logs = new FakeLoggerProvider();
        var logger = logs.CreateLogger("Cinnox.Chatbot");
        var call = Client(handler, logger: logger).SendAsync(new ChatbotRequest("hi") { InquiryId = "enq-7" }, cancellationToken: cancellation.Token);
        await Waiting.UntilAsync(() => handler.Requests.Count == 1, because: "the request was sent");
        await body.WriteAsync(Sse.Delta("text"));
        await body.CaughtUpAsync();

        await cancellation.CancelAsync();
        var reply = await call;

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Text.Should().Be("partial text");
        reply.StatusCode.Should().Be(200);
        body.Disposed.Should().BeTrue();
        logs.Collector.GetSnapshot().Should().ContainSingle(entry => entry.Level >= LogLevel.Warning).Which.Message.Should().Contain("enq-7");
    }

    [Fact]
    public async Task StreamAsync_CancelledMidStream_ThrowsAndLetsGoOfTheResponse()
    {
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        await body.WriteAsync(Sse.Delta("first"));
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        var enumerate = async () =>
        {
            await foreach (var update in Client(handler).StreamAsync(new ChatbotRequest("hi"), cancellationToken: cancellation.Token))
            {
                seen.Add(update.Text);
                await cancellation.CancelAsync();
            }
        };

        await enumerate.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Equal("first");
        body.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task StreamAsync_CancelledMidStream_IsLoggedOnceAsInterrupted()
    {
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        await body.WriteAsync(Sse.Delta("first"));
        using var cancellation = new CancellationTokenSource();
        var logs = new FakeLoggerProvider();
        var logger = logs.CreateLogger("Cinnox.Chatbot");

        var enumerate = async () =>
        {
            await foreach (var update in Client(handler, logger: logger).StreamAsync(new ChatbotRequest("hi") { InquiryId = "enq-9" }, cancellationToken: cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        };

        await enumerate.Should().ThrowAsync<OperationCanceledException>();
        var entry = logs.Collector.GetSnapshot().Should().ContainSingle(entry => entry.Level >= LogLevel.Warning).Subject;
        entry.Message.Should().Contain("enq-9").And.Contain(nameof(ChatbotOutcome.Interrupted)).And.Contain("cancelled").And.NotContain(Secret);
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsEarly_LetsGoOfTheResponse()
    {
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        await body.WriteAsync(Sse.Delta("first"));
        var logs = new FakeLoggerProvider();
        var logger = logs.CreateLogger("Cinnox.Chatbot");

        await foreach (var update in Client(handler, logger: logger).StreamAsync(new ChatbotRequest("hi")))
        {
            break;
        }

        body.Disposed.Should().BeTrue();
        logs.Collector.GetSnapshot().Should().ContainSingle(entry => entry.Level >= LogLevel.Warning)
            .Which.Message.Should().Contain(nameof(ChatbotOutcome.Interrupted)).And.Contain("stopped reading");
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsAfterTheReply_IsLoggedOnceAsCompleted()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(new ChunkedStream(Sse.Delta("a") + Sse.Final("ab")))));
        var logs = new FakeLoggerProvider();
        var logger = logs.CreateLogger("Cinnox.Chatbot");

        await foreach (var update in Client(handler, logger: logger).StreamAsync(new ChatbotRequest("hi")))
        {
            if (update.Kind == ChatbotReplyUpdateKind.Completed)
            {
                break;
            }
        }

        logs.Collector.GetSnapshot().Should().ContainSingle().Which.Id.Name.Should().Be("ReplyCompleted");
    }

    [Fact]
    public async Task SendAsync_ReplyEndingJustBeforeTheTotalTime_Completes()
    {
        var time = new FakeTimeProvider();
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        var call = Client(handler, time: time).SendAsync(new ChatbotRequest("hi"));
        await Waiting.UntilAsync(() => handler.Requests.Count == 1, because: "the request was sent");
        await body.WriteAsync(Sse.Delta("on time"));
        await body.CaughtUpAsync();

        time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        await body.WriteAsync(Sse.Final(string.Empty));
        body.Complete();
        var reply = await call;

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Timings.Total.Should().Be(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
    }

    [Fact]
    public async Task SendAsync_TotalTimeRunsOutMidStream_IsTimedOutWithThePartialText()
    {
        var time = new FakeTimeProvider();
        var body = new LiveBody();
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(body.Stream)));
        var logs = new FakeLoggerProvider();
        var logger = logs.CreateLogger("Cinnox.Chatbot");
        var call = Client(handler, time: time, logger: logger).SendAsync(new ChatbotRequest("hi") { InquiryId = "enq-9" });
        await Waiting.UntilAsync(() => handler.Requests.Count == 1, because: "the request was sent");
        await body.WriteAsync(Sse.Delta("so far"));
        await body.CaughtUpAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(1));
        var reply = await call;

        reply.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        reply.Text.Should().Be("so far");
        reply.Timings.Total.Should().Be(TimeSpan.FromSeconds(2));
        reply.Timings.TimeToFirstByte.Should().Be(TimeSpan.Zero);
        body.Disposed.Should().BeTrue();
        var entry = logs.Collector.GetSnapshot().Should().ContainSingle(entry => entry.Level >= LogLevel.Warning).Subject;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Message.Should().Contain("Support bot").And.Contain("enq-9").And.NotContain(Secret);
    }

    [Fact]
    public async Task SendAsync_BotNeverSendsHeaders_IsTimedOutWithoutStatus()
    {
        var time = new FakeTimeProvider();
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException();
        });
        var call = Client(handler, time: time).SendAsync(new ChatbotRequest("hi"));
        await Waiting.UntilAsync(() => handler.Requests.Count == 1, because: "the request was sent");

        time.Advance(TimeSpan.FromSeconds(2));
        var reply = await call;

        reply.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        reply.StatusCode.Should().BeNull();
        reply.Timings.TimeToFirstByte.Should().BeNull();
    }

    [Fact]
    public async Task SendAsync_HttpClientTimeoutShorterThanTheLimit_IsReportedAsTimedOut()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException();
        });
        var client = new ChatbotClient(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(50) }, Destination());

        var reply = await client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        reply.FailureReason.Should().Contain("HttpClient.Timeout");
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_IsRetriedThenUnreachable()
    {
        var handler = new ScriptedHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (bot.example:443)"));
        var logs = new FakeLoggerProvider();
        var logger = logs.CreateLogger("Cinnox.Chatbot");

        var reply = await Client(handler, retry: new ChatbotRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero }, logger: logger)
            .SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Unreachable);
        reply.StatusCode.Should().BeNull();
        reply.FailureReason.Should().Contain("Connection refused");
        handler.Requests.Should().HaveCount(3);
        logs.Collector.GetSnapshot().Where(entry => entry.Level >= LogLevel.Warning).Should().ContainSingle().Which.Level.Should().Be(LogLevel.Error);
        logs.Collector.GetSnapshot().Count(entry => entry.Id.Name == "Retrying").Should().Be(2);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task SendAsync_RetriableStatus_IsSentAgain(HttpStatusCode status)
    {
        var attempts = 0;
        var handler = new ScriptedHandler((_, _) => Task.FromResult(
            Interlocked.Increment(ref attempts) == 1 ? ScriptedHandler.Json("busy", status) : ScriptedHandler.Json(SeedExamples.Text("reply-text"))));

        var reply = await Client(handler, retry: new ChatbotRetryOptions { BaseDelay = TimeSpan.Zero }).SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        handler.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task SendAsync_OtherErrorStatus_IsNotRetried(HttpStatusCode status)
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json("no", status)));

        var reply = await Client(handler, retry: new ChatbotRetryOptions { BaseDelay = TimeSpan.Zero }).SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be((int)status);
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SendAsync_ReplyThatBreaksAfterItBegan_IsNeverRetried()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(
            new ChunkedStream(Sse.Delta("started"), endWith: new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.")))));

        var reply = await Client(handler, retry: new ChatbotRetryOptions { BaseDelay = TimeSpan.Zero }).SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Text.Should().Be("started");
        handler.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_RetryAfter_WaitsExactlyThatLongOnTheClock(bool asDate)
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var handler = new ScriptedHandler((_, _) =>
        {
            if (Interlocked.Increment(ref attempts) > 1)
            {
                return Task.FromResult(ScriptedHandler.Json(SeedExamples.Text("reply-text")));
            }

            var busy = ScriptedHandler.Json("busy", HttpStatusCode.ServiceUnavailable);
            if (asDate)
            {
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(1));
            }
            else
            {
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            }

            return Task.FromResult(busy);
        });
        var call = Client(handler, time: time, retry: new ChatbotRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false })
            .SendAsync(new ChatbotRequest("hi"));
        await Waiting.UntilAsync(() => time.ActiveTimerCount() == 2, because: "the retry waits on the clock beside the deadline");

        time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        time.ActiveTimerCount().Should().Be(2, "the wait is not over one tick early");
        handler.Requests.Should().ContainSingle();
        time.Advance(TimeSpan.FromTicks(1));
        var reply = await call;

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondTheTimeLeft_EndsWithTheErrorAtOnce()
    {
        var handler = new ScriptedHandler((_, _) =>
        {
            var busy = ScriptedHandler.Json("come back later", HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
            return Task.FromResult(busy);
        });

        var reply = await Client(handler, retry: new ChatbotRetryOptions { MaxDelay = TimeSpan.FromSeconds(30) }).SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(429);
        reply.ErrorBodyExcerpt.Should().Be("come back later");
        handler.Requests.Should().ContainSingle("a 5 s wait does not fit in a 2 s total");
    }

    [Fact]
    public async Task SendAsync_RetriesOff_SendsOnce()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json("busy", HttpStatusCode.ServiceUnavailable)));

        var reply = await Client(handler, retry: new ChatbotRetryOptions { MaxRetryAttempts = 0 }).SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public void Destination_IsACopyTakenAtConstruction()
    {
        var destination = Destination();
        var client = Client(new ScriptedHandler((_, _) => throw new InvalidOperationException()), destination);

        destination.Name = "Changed";

        client.Destination.Name.Should().Be("Support bot");
    }

    internal static ChatbotDestination Destination(bool streaming = true, Action<ChatbotDestination>? configure = null)
    {
        var destination = new ChatbotDestination
        {
            Name = "Support bot",
            Url = new Uri("https://bot.example/hook?v=1"),
            Limits = new ChatbotLimits { TotalResponseTime = TimeSpan.FromSeconds(2), MaxEventBytes = 2048, MaxResponseBytes = 64 * 1024 },
        };
        destination.Headers["X-Api-Key"] = Secret;
        if (streaming)
        {
            destination.Headers["Accept"] = "text/event-stream";
        }

        configure?.Invoke(destination);
        return destination;
    }

    private static ChatbotClient Client(
        ScriptedHandler handler, ChatbotDestination? destination = null, TimeProvider? time = null, ChatbotRetryOptions? retry = null, ILogger? logger = null) =>
        new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, destination ?? Destination(), retry, logger, time);
}

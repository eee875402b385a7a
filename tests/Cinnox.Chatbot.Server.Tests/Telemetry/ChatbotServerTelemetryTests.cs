using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>Every row of the telemetry table in the package README, measured with <see cref="MetricCollector{T}"/>.</summary>
public sealed class ChatbotServerTelemetryTests
{
    private const string Meter = ChatbotServerTelemetry.DiagnosticsName;

    [Fact]
    public async Task StreamedReply_IsCountedWithItsEventsBytesDurationAndTimeToFirstEvent()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("Hello ", "there"))));
        using var metrics = new Metrics(bot);

        var (response, events) = await EventStreams.ReadRawAsync(bot, BotServer.PostQuery("hi", acceptEventStream: true));
        response.Dispose();
        await metrics.RecordedAsync();

        var request = metrics.Requests.Should().ContainSingle().Subject;
        request.Value.Should().Be(1);
        request.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "completed")
            .And.Contain(ChatbotServerTelemetry.ModeTag, "event_stream")
            .And.Contain(ChatbotServerTelemetry.StatusCodeTag, 200)
            .And.Contain(ChatbotServerTelemetry.RouteTag, "/chatbot");
        metrics.Events.Should().ContainSingle().Which.Value.Should().Be(events.Count);
        metrics.BodySize.Should().ContainSingle().Which.Value.Should().Be(events.Sum(e => (long)e.WireBytes));
        metrics.StreamDuration.Should().ContainSingle().Which.Value.Should().BeGreaterThanOrEqualTo(0);
        metrics.TimeToFirstEvent.Should().ContainSingle();
        metrics.GuardTrips.Should().BeEmpty();
    }

    [Fact]
    public async Task JsonReply_IsCountedWithItsBytesAndNoStreamMeasurements()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Text("Hello")));
        using var metrics = new Metrics(bot);

        var answer = await bot.SendAsync(BotServer.PostQuery("hi"));
        await metrics.RecordedAsync();

        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.ModeTag, "json")
            .And.Contain(ChatbotServerTelemetry.OutcomeTag, "completed");
        metrics.BodySize.Should().ContainSingle().Which.Value.Should().Be(System.Text.Encoding.UTF8.GetByteCount(answer.Body));
        metrics.StreamDuration.Should().BeEmpty();
        metrics.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamToAJsonRequest_IsCountedAsACollectedStream()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("Hello"))));
        using var metrics = new Metrics(bot);

        await bot.SendAsync(BotServer.PostQuery("hi"));
        await metrics.RecordedAsync();

        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.ModeTag, "collected_stream");
    }

    [Fact]
    public async Task BadRequest_IsCountedAsRejected()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Text("never")));
        using var metrics = new Metrics(bot);

        var answer = await bot.SendAsync(BotServer.Post("{not json", "application/json"));
        await metrics.RecordedAsync();

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "rejected")
            .And.Contain(ChatbotServerTelemetry.ModeTag, "none")
            .And.Contain(ChatbotServerTelemetry.StatusCodeTag, 400);
    }

    [Fact]
    public async Task MissingApiKey_IsCountedAsUnauthenticated()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Text("never")),
            options => options.RequireBearerToken("s3cret-key-for-telemetry"));
        using var metrics = new Metrics(bot);

        await bot.SendAsync(BotServer.PostQuery("hi"));
        await metrics.RecordedAsync();

        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "unauthenticated")
            .And.Contain(ChatbotServerTelemetry.StatusCodeTag, 401);
    }

    [Fact]
    public async Task HandlerThatThrows_IsCountedAsHandlerFailedAndItsActivityIsAnError()
    {
        var activities = new List<Activity>();
        using var listener = Listen(activities);
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => throw new InvalidOperationException("boom"));
        using var metrics = new Metrics(bot);
        var inquiryId = "enq-" + Guid.NewGuid().ToString("N");

        await bot.SendAsync(BotServer.Post($"{{\"query\":\"hi\",\"inquiryID\":\"{inquiryId}\"}}", "application/json"));
        await metrics.RecordedAsync();

        await Waiting.UntilAsync(() => Of(activities, inquiryId).Count > 0);
        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "handler_failed")
            .And.Contain(ChatbotServerTelemetry.StatusCodeTag, 500);
        var activity = Of(activities, inquiryId).Should().ContainSingle().Subject;
        activity.OperationName.Should().Be("chatbot reply");
        activity.Status.Should().Be(ActivityStatusCode.Error);
        activity.GetTagItem(ChatbotServerTelemetry.OutcomeTag).Should().Be("handler_failed");
        activity.GetTagItem(ChatbotServerTelemetry.RouteTag).Should().Be("/chatbot");
    }

    [Fact]
    public async Task StreamedReply_HasAnActivityWithItsModeEventsAndEnquiry()
    {
        var activities = new List<Activity>();
        using var listener = Listen(activities);
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of("Hi"))));

        var inquiryId = "enq-" + Guid.NewGuid().ToString("N");

        await bot.SendAsync(BotServer.Post($"{{\"query\":\"hi\",\"inquiryID\":\"{inquiryId}\"}}", "text/event-stream"));
        await Waiting.UntilAsync(() => Of(activities, inquiryId).Count > 0);

        var activity = Of(activities, inquiryId).Should().ContainSingle().Subject;
        activity.Status.Should().Be(ActivityStatusCode.Unset);
        activity.GetTagItem(ChatbotServerTelemetry.ModeTag).Should().Be("event_stream");
        activity.GetTagItem(ChatbotServerTelemetry.OutcomeTag).Should().Be("completed");
        activity.GetTagItem("cinnox.chatbot.inquiry_id").Should().Be(inquiryId);
        ((int)activity.GetTagItem("cinnox.chatbot.server.stream.events")!).Should().BeGreaterThan(0);
        ((long)activity.GetTagItem("cinnox.chatbot.server.response.body.size")!).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task StreamCutAtTheResponseLimit_TripsTheResponseLimitGuard()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess,
            (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.From(Enumerable.Repeat("word ", 2000)))),
            options => options.Limits.MaxResponseBytes = 4096);
        using var metrics = new Metrics(bot);

        await bot.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true));
        await metrics.RecordedAsync();

        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "response_limit");
        metrics.GuardTrips.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.GuardTag, "response_limit");
    }

    [Fact]
    public async Task JsonReplyOverTheResponseLimit_IsRefusedAndTripsTheResponseLimitGuard()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess,
            (_, _) => ValueTask.FromResult(ChatbotReplies.Text(new string('a', 5000))),
            options => options.Limits.MaxResponseBytes = 4096);
        using var metrics = new Metrics(bot);

        await bot.SendAsync(BotServer.PostQuery("hi"));
        await metrics.RecordedAsync();

        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "reply_too_large")
            .And.Contain(ChatbotServerTelemetry.StatusCodeTag, 500);
        metrics.GuardTrips.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.GuardTag, "response_limit");
    }

    [Fact]
    public async Task HandlerSlowerThanTheBudget_IsCountedAsTimedOutAndTripsTheTimeBudgetGuard()
    {
        var time = new FakeTimeProvider();
        await using var bot = await BotServer.StartAsync(Transport.InProcess, async (_, cancellationToken) =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return ChatbotReplies.Text("never");
            },
            options => options.Limits.TotalResponseTime = TimeSpan.FromSeconds(2), time);
        using var metrics = new Metrics(bot);

        var sending = bot.SendAsync(BotServer.PostQuery("hi"));
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 1);
        time.Advance(TimeSpan.FromSeconds(2));
        (await sending.WaitAsync(TimeSpan.FromSeconds(10))).Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        await metrics.RecordedAsync();

        metrics.Requests.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.OutcomeTag, "handler_timed_out");
        metrics.GuardTrips.Should().ContainSingle().Which.Tags.Should().Contain(ChatbotServerTelemetry.GuardTag, "time_budget");
    }

    [Fact]
    public void Histograms_AdviseBucketsInSecondsAndBytes()
    {
        var histograms = PublishedHistograms.Of(meterFactory => ChatbotServerTelemetry.Create(meterFactory));

        histograms.Select(instrument => instrument.Name).Should().BeEquivalentTo(
            ChatbotServerTelemetry.StreamDurationName, ChatbotServerTelemetry.TimeToFirstEventName, ChatbotServerTelemetry.BodySizeName);
        histograms.OfType<Histogram<double>>().Should().OnlyContain(h => h.Advice!.HistogramBucketBoundaries!.Contains(120d));
        histograms.OfType<Histogram<long>>().Should().OnlyContain(h => h.Advice!.HistogramBucketBoundaries!.Contains(4_194_304L));
    }

    /// <summary>The activities of one enquiry: the listener hears every test's bots.</summary>
    private static List<Activity> Of(List<Activity> activities, string inquiryId)
    {
        lock (activities)
        {
            return [.. activities.Where(activity => Equals(activity.GetTagItem("cinnox.chatbot.inquiry_id"), inquiryId))];
        }
    }

    private static ActivityListener Listen(List<Activity> activities)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatbotServerTelemetry.DiagnosticsName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Collects the toolkit's instruments from the meter factory of one bot.</summary>
    private sealed class Metrics : IDisposable
    {
        private readonly MetricCollector<long> _requests;
        private readonly MetricCollector<long> _events;
        private readonly MetricCollector<long> _bodySize;
        private readonly MetricCollector<long> _guardTrips;
        private readonly MetricCollector<double> _streamDuration;
        private readonly MetricCollector<double> _timeToFirstEvent;

        public Metrics(BotServer bot)
        {
            var scope = bot.Services.GetRequiredService<IMeterFactory>();
            _requests = new(scope, Meter, ChatbotServerTelemetry.RequestsName);
            _events = new(scope, Meter, ChatbotServerTelemetry.EventsName);
            _bodySize = new(scope, Meter, ChatbotServerTelemetry.BodySizeName);
            _guardTrips = new(scope, Meter, ChatbotServerTelemetry.GuardTripsName);
            _streamDuration = new(scope, Meter, ChatbotServerTelemetry.StreamDurationName);
            _timeToFirstEvent = new(scope, Meter, ChatbotServerTelemetry.TimeToFirstEventName);
        }

        /// <summary>Waits until the request is counted: the toolkit counts it last, after the response has gone.</summary>
        public Task RecordedAsync() => _requests.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));

        public IReadOnlyList<CollectedMeasurement<long>> Requests => _requests.GetMeasurementSnapshot();

        public IReadOnlyList<CollectedMeasurement<long>> Events => _events.GetMeasurementSnapshot();

        public IReadOnlyList<CollectedMeasurement<long>> BodySize => _bodySize.GetMeasurementSnapshot();

        public IReadOnlyList<CollectedMeasurement<long>> GuardTrips => _guardTrips.GetMeasurementSnapshot();

        public IReadOnlyList<CollectedMeasurement<double>> StreamDuration => _streamDuration.GetMeasurementSnapshot();

        public IReadOnlyList<CollectedMeasurement<double>> TimeToFirstEvent => _timeToFirstEvent.GetMeasurementSnapshot();

        public void Dispose()
        {
            _requests.Dispose();
            _events.Dispose();
            _bodySize.Dispose();
            _guardTrips.Dispose();
            _streamDuration.Dispose();
            _timeToFirstEvent.Dispose();
        }
    }
}

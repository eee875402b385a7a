using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Cinnox.Chatbot.Tests;

public class ChatbotTelemetryTests
{
    [Fact]
    public async Task SendAsync_RecordsDurationFirstDeltaBytesAndOutcomeCounts()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        using var replies = Collect<long>(meterFactory, "cinnox.chatbot.client.replies");
        using var duration = Collect<double>(meterFactory, "cinnox.chatbot.client.duration");
        using var firstDelta = Collect<double>(meterFactory, "cinnox.chatbot.client.time_to_first_delta");
        using var bodySize = Collect<long>(meterFactory, "cinnox.chatbot.client.response.body.size");
        var body = Sse.Delta("a") + Sse.Final("ab");
        var calls = 0;
        var handler = new ScriptedHandler((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? ScriptedHandler.Body(new ChunkedStream(body))
            : ScriptedHandler.Json("down", HttpStatusCode.BadRequest)));
        var client = new ChatbotClient(new HttpClient(handler), ChatbotClientTests.Destination(), meterFactory: meterFactory);

        await client.SendAsync(new ChatbotRequest("one"));
        await client.SendAsync(new ChatbotRequest("two"));

        replies.GetMeasurementSnapshot().Select(m => (string)m.Tags["cinnox.chatbot.outcome"]!).Should().Equal("completed", "httpError");
        replies.GetMeasurementSnapshot().Should().OnlyContain(m => m.Value == 1 && Equals(m.Tags["cinnox.chatbot.destination"], "Support bot"));
        replies.GetMeasurementSnapshot().Select(m => m.Tags["cinnox.chatbot.streamed"]).Should().Equal(true, false);
        duration.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(m => m.Value >= 0 && m.Tags.Count == 3);
        firstDelta.GetMeasurementSnapshot().Should().ContainSingle("only the streamed reply had text")
            .Which.Tags.Should().Contain("cinnox.chatbot.outcome", "completed");
        bodySize.GetMeasurementSnapshot().Select(m => m.Value).Should().Equal(System.Text.Encoding.UTF8.GetByteCount(body), "down".Length);
    }

    [Fact]
    public void Histograms_AdviseBucketsInSecondsAndBytes()
    {
        var histograms = PublishedHistograms.Of(meterFactory => _ = new ChatbotClient(new HttpClient(), ChatbotClientTests.Destination(), meterFactory: meterFactory));

        histograms.Select(instrument => instrument.Name).Should().BeEquivalentTo(
            "cinnox.chatbot.client.duration", "cinnox.chatbot.client.time_to_first_delta", "cinnox.chatbot.client.response.body.size");
        histograms.OfType<Histogram<double>>().Should().OnlyContain(h => h.Advice!.HistogramBucketBoundaries!.SequenceEqual(TelemetryBuckets.Seconds));
        histograms.OfType<Histogram<long>>().Should().OnlyContain(h => h.Advice!.HistogramBucketBoundaries!.SequenceEqual(TelemetryBuckets.Bytes));
    }

    private static MetricCollector<T> Collect<T>(IMeterFactory meterFactory, string instrument)
        where T : struct => new(meterFactory, ChatbotClient.DiagnosticsName, instrument);

    [Fact]
    public async Task SendAsync_TracesEachCallWithItsOutcome()
    {
        var destinationName = "trace-" + Guid.NewGuid().ToString("N")[..8];
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatbotClient.DiagnosticsName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("cinnox.chatbot.destination"), destinationName))
                {
                    lock (stopped)
                    {
                        stopped.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json("{\"message\":7}")));
        var client = new ChatbotClient(new HttpClient(handler), ChatbotClientTests.Destination(configure: d => d.Name = destinationName));

        await client.SendAsync(new ChatbotRequest("hi") { InquiryId = "enq-3" });

        var activity = stopped.Should().ContainSingle().Subject;
        activity.Kind.Should().Be(ActivityKind.Client);
        activity.Status.Should().Be(ActivityStatusCode.Error);
        activity.GetTagItem("cinnox.chatbot.outcome").Should().Be("invalidResponse");
        activity.GetTagItem("cinnox.chatbot.inquiry_id").Should().Be("enq-3");
        activity.GetTagItem("http.response.status_code").Should().Be(200);
        activity.GetTagItem("cinnox.chatbot.streaming_requested").Should().Be(true);
        activity.GetTagItem("cinnox.chatbot.streamed").Should().Be(false);
        activity.GetTagItem("cinnox.chatbot.response.body.size").Should().Be((long)"{\"message\":7}".Length);
    }
}

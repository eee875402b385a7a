using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public class ChatbotTelemetryTests
{
    [Fact]
    public async Task SendAsync_RecordsDurationFirstDeltaBytesAndOutcomeCounts()
    {
        var destinationName = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == ChatbotClient.DiagnosticsName)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("cinnox.chatbot.destination"), destinationName))
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, map));
                }
            }
        }

        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        var body = Sse.Delta("a") + Sse.Final("ab");
        var calls = 0;
        var handler = new ScriptedHandler((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? ScriptedHandler.Body(new ChunkedStream(body))
            : ScriptedHandler.Json("down", HttpStatusCode.BadRequest)));
        var client = new ChatbotClient(new HttpClient(handler), ChatbotClientTests.Destination(configure: d => d.Name = destinationName));

        await client.SendAsync(new ChatbotRequest("one"));
        await client.SendAsync(new ChatbotRequest("two"));

        measurements.Where(m => m.Instrument == "cinnox.chatbot.client.replies").Select(m => (string)m.Tags["cinnox.chatbot.outcome"]!)
            .Should().Equal("completed", "httpError");
        measurements.Where(m => m.Instrument == "cinnox.chatbot.client.duration").Should().HaveCount(2);
        measurements.Should().ContainSingle(m => m.Instrument == "cinnox.chatbot.client.time_to_first_delta");
        measurements.Should().Contain(m => m.Instrument == "cinnox.chatbot.client.response.body.size" && m.Value == System.Text.Encoding.UTF8.GetByteCount(body)
            && Equals(m.Tags["cinnox.chatbot.streamed"], true));
    }

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
    }
}

using System.Net.ServerSentEvents;
using System.Text;
using Cinnox.Chatbot.Testing;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Reading a streamed reply from memory three ways: the bare SSE parser (the floor any SSE reader stands on), the
/// common approach of deserializing each event into typed objects, and this SDK's real path (limits, parsing,
/// folding into the final reply).
/// </summary>
[MemoryDiagnoser]
public class StreamParsingBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>The shape of the reply.</summary>
    public enum Shape
    {
        /// <summary>10,000 delta events of 3–8 character tokens, about 66 bytes each.</summary>
        Small,

        /// <summary>About 1,000 events of 4 KB text, about 4 MB.</summary>
        Large,
    }

    /// <summary>Gets or sets the reply being read.</summary>
    [Params(Shape.Small, Shape.Large)]
    public Shape Scenario { get; set; }

    /// <summary>Builds the reply's bytes.</summary>
    [GlobalSetup]
    public void Setup() => _bytes = Scenario == Shape.Small
        ? SseReplies.Deltas(10_000, 3, 8).Bytes
        : SseReplies.Deltas(1_000, 4_000, 4_000).Bytes;

    /// <summary>Enumerates <see cref="SseParser"/> to the end and nothing else.</summary>
    /// <returns>The number of events.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> SseParserFloor()
    {
        var count = 0;
        await foreach (var item in SseParser.Create(new MemoryStream(_bytes, writable: false)).EnumerateAsync().ConfigureAwait(false))
        {
            count += item.Data.Length > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Deserializes each event into typed objects with System.Text.Json and appends the text.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark]
    public async Task<int> TypedJsonPerEvent()
    {
        var text = new StringBuilder();
        var parser = SseParser.Create(new MemoryStream(_bytes, writable: false), static (_, data) =>
            data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, TypedEventContext.Default.TypedEvent));
        await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data?.Message is { Type: 1 } message)
            {
                text.Append(message.Text);
            }
        }

        return text.ToString().Length;
    }

    /// <summary>
    /// This SDK's real path as the client runs it: the counting stream that enforces the event and response limits,
    /// the SSE parser, each event's JSON read in place, and the text folded into the final reply.
    /// </summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark]
    public async Task<int> ChatbotReplyReader()
    {
        var reply = await ChatbotReplyReading.ReadReplyAsync(new MemoryStream(_bytes, writable: false), "text/event-stream").ConfigureAwait(false);
        return reply.Outcome == ChatbotOutcome.Completed ? reply.Text.Length : -1;
    }
}

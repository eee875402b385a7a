using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// The toolkit streaming N deltas into a null stream, against <see cref="SseFormatter"/> writing the same events.
/// </summary>
/// <remarks>
/// Both sides start from the same N deltas and produce byte-for-byte the same output — one event per delta,
/// <c>{"message":{"type":1,"text":"…","streamType":"delta"}}</c>, then the closing <c>final</c> event with the whole
/// text — which <see cref="Setup"/> checks before anything is measured. The baseline formats each event with a
/// <see cref="Utf8JsonWriter"/> in <see cref="SseFormatter"/>'s item formatter, which is what a bot written directly
/// on <see cref="SseFormatter"/> does. <see cref="SseFormatterPreformatted"/> is shown for reference only: it is
/// handed event strings built before the timing starts, so it skips the JSON work both other methods do.
/// </remarks>
[MemoryDiagnoser]
public class ServerWritingBenchmarks
{
    private static readonly ChatbotServerOptions Options = new();
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly DiscardingPipeWriter _discard = new();

    private string[] _deltas = [];
    private string[] _preformatted = [];

    /// <summary>Gets or sets the number of deltas.</summary>
    [Params(1_000)]
    public int Deltas { get; set; }

    /// <summary>Builds the deltas and checks that every method writes the same bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _deltas = [.. Enumerable.Range(0, Deltas).Select(i => (i == 0 ? string.Empty : " ") + new string((char)('a' + (i % 26)), random.Next(2, 8)))];
        var whole = string.Concat(_deltas);
        _preformatted = [.. _deltas.Select(delta => EventJson(delta, "delta")), EventJson(whole, "final")];

        var toolkit = Capture(stream => StreamReplyWriting.WriteEventStreamAsync(Source(_deltas), stream, Options));
        var formatter = Capture(stream => WriteWithFormatterAsync(stream));
        var preformatted = Capture(stream => SseFormatter.WriteAsync(Items(_preformatted), stream));
        if (!toolkit.AsSpan().SequenceEqual(formatter) || !toolkit.AsSpan().SequenceEqual(preformatted))
        {
            throw new InvalidOperationException(
                $"The methods do not write the same bytes ({toolkit.Length}, {formatter.Length}, {preformatted.Length}); the comparison would not be fair.");
        }
    }

    /// <summary><see cref="SseFormatter"/> formatting each delta's event JSON itself.</summary>
    /// <returns>A task that completes when the stream is written.</returns>
    [Benchmark(Baseline = true)]
    public Task SseFormatterWithJson() => WriteWithFormatterAsync(Stream.Null);

    /// <summary>
    /// The toolkit's stream writer: escaping, limits, splitting, and the closing event, written into a discarding
    /// <see cref="System.IO.Pipelines.PipeWriter"/> as the toolkit writes into the response's (the counterpart of
    /// <see cref="Stream.Null"/>; a stream adapter would add a cost the toolkit never pays).
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public Task<long> Toolkit() => StreamReplyWriting.WriteEventStreamAsync(Source(_deltas), _discard, Options);

    /// <summary>For reference: <see cref="SseFormatter"/> handed event strings built before the timing starts.</summary>
    /// <returns>A task that completes when the stream is written.</returns>
    [Benchmark]
    public Task SseFormatterPreformatted() => SseFormatter.WriteAsync(Items(_preformatted), Stream.Null);

    private async Task WriteWithFormatterAsync(Stream destination)
    {
        var whole = new StringBuilder();

        // One writer for the whole stream, reset onto each event's buffer: the baseline as a careful author writes it.
        using var writer = new Utf8JsonWriter(Stream.Null, WriterOptions);
        await SseFormatter.WriteAsync(Events(_deltas, whole), destination, (item, buffer) =>
        {
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteStartObject("message"u8);
            writer.WriteNumber("type"u8, 1);
            writer.WriteString("text"u8, item.Data.Text);
            writer.WriteString("streamType"u8, item.Data.StreamType);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
        }).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<SseItem<(string Text, string StreamType)>> Events(string[] deltas, StringBuilder whole)
    {
        foreach (var delta in deltas)
        {
            whole.Append(delta);
            yield return new SseItem<(string, string)>((delta, "delta"));
        }

        await Task.CompletedTask.ConfigureAwait(false);
        yield return new SseItem<(string, string)>((whole.ToString(), "final"));
    }

#pragma warning disable CS1998 // The sources complete synchronously, like a bot whose text is ready.
    private static async IAsyncEnumerable<string> Source(string[] deltas, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var delta in deltas)
        {
            yield return delta;
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(string[] events)
    {
        foreach (var item in events)
        {
            yield return new SseItem<string>(item);
        }
    }
#pragma warning restore CS1998

    private static string EventJson(string text, string streamType)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("message"u8);
            writer.WriteNumber("type"u8, 1);
            writer.WriteString("text"u8, text);
            writer.WriteString("streamType"u8, streamType);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static byte[] Capture(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        write(stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}

using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Testing;
using BenchmarkDotNet.Configs;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Time and allocation per delta as a streamed reply grows from 1,000 to 100,000 deltas. Each method reports its
/// cost per delta (<see cref="BenchmarkAttribute.OperationsPerInvoke"/> is the number of deltas), so a flat Ratio
/// column means the cost grows linearly with the reply: nothing quadratic anywhere.
/// </summary>
/// <remarks>
/// <para>
/// Two groups, each with its own baseline. <c>Reply</c> is the client's whole path: read the stream, then make the
/// final reply, whose text is one string as long as the reply. <c>Read</c> stops before that string, which shows how
/// much of any growth belongs to reading and how much to the one large final string (on the large object heap past
/// 85 KB, where it brings full collections with it).
/// </para>
/// <para>The response limit is raised for this class only: 100,000 deltas are about 6.6 MB, past the protocol's 4 MB.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GrowthBenchmarks
{
    private static readonly ChatbotLimits Limits = new() { MaxResponseBytes = 64 * 1024 * 1024 };

    private byte[] _thousand = [];
    private byte[] _tenThousand = [];
    private byte[] _hundredThousand = [];

    /// <summary>Builds the three replies.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _thousand = SseReplies.Deltas(1_000, 3, 8).Bytes;
        _tenThousand = SseReplies.Deltas(10_000, 3, 8).Bytes;
        _hundredThousand = SseReplies.Deltas(100_000, 3, 8).Bytes;
    }

    /// <summary>Reads a reply of 1,000 deltas into the final reply.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000)]
    [BenchmarkCategory("Reply")]
    public Task<int> Deltas1000() => ReplyAsync(_thousand);

    /// <summary>Reads a reply of 10,000 deltas into the final reply.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark(OperationsPerInvoke = 10_000)]
    [BenchmarkCategory("Reply")]
    public Task<int> Deltas10000() => ReplyAsync(_tenThousand);

    /// <summary>Reads a reply of 100,000 deltas into the final reply.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark(OperationsPerInvoke = 100_000)]
    [BenchmarkCategory("Reply")]
    public Task<int> Deltas100000() => ReplyAsync(_hundredThousand);

    /// <summary>Reads 1,000 deltas without making the final string.</summary>
    /// <returns>The number of bytes read.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000)]
    [BenchmarkCategory("Read")]
    public Task<long> Read1000() => ReadAsync(_thousand);

    /// <summary>Reads 10,000 deltas without making the final string.</summary>
    /// <returns>The number of bytes read.</returns>
    [Benchmark(OperationsPerInvoke = 10_000)]
    [BenchmarkCategory("Read")]
    public Task<long> Read10000() => ReadAsync(_tenThousand);

    /// <summary>Reads 100,000 deltas without making the final string.</summary>
    /// <returns>The number of bytes read.</returns>
    [Benchmark(OperationsPerInvoke = 100_000)]
    [BenchmarkCategory("Read")]
    public Task<long> Read100000() => ReadAsync(_hundredThousand);

    private static async Task<int> ReplyAsync(byte[] bytes)
    {
        var reply = await ChatbotReplyReading.ReadReplyAsync(new MemoryStream(bytes, writable: false), "text/event-stream", Limits).ConfigureAwait(false);
        return reply.Outcome == ChatbotOutcome.Completed ? reply.Text.Length : -1;
    }

    private static async Task<long> ReadAsync(byte[] bytes)
    {
        using var reader = new ChatbotReplyReader(Limits);
        await reader.ReadToEndAsync(new MemoryStream(bytes, writable: false), "text/event-stream", CancellationToken.None).ConfigureAwait(false);
        return reader.BytesRead;
    }
}

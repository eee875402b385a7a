using BenchmarkDotNet.Attributes;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Time and allocation per delta as a streamed reply grows from 1,000 to 100,000 deltas. Each method reports its
/// cost per delta (<see cref="BenchmarkAttribute.OperationsPerInvoke"/> is the number of deltas), so a flat Ratio
/// column means the cost grows linearly with the reply: nothing quadratic anywhere.
/// </summary>
/// <remarks>
/// The response limit is raised for this class only: 100,000 deltas are about 6.6 MB, past the protocol's 4 MB.
/// The text of each reply is built from the same tokens, so the final text grows with the reply.
/// </remarks>
[MemoryDiagnoser]
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

    /// <summary>Reads a reply of 1,000 deltas.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000)]
    public Task<int> Deltas1000() => ReadAsync(_thousand);

    /// <summary>Reads a reply of 10,000 deltas.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public Task<int> Deltas10000() => ReadAsync(_tenThousand);

    /// <summary>Reads a reply of 100,000 deltas.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public Task<int> Deltas100000() => ReadAsync(_hundredThousand);

    private static async Task<int> ReadAsync(byte[] bytes)
    {
        var reply = await Internal.ChatbotReplyReader.ReadReplyAsync(new MemoryStream(bytes, writable: false), "text/event-stream", Limits).ConfigureAwait(false);
        return reply.Outcome == ChatbotOutcome.Completed ? reply.Text.Length : -1;
    }
}

using BenchmarkDotNet.Attributes;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// 500 streamed replies of 100 deltas at once over loopback, SDK client and toolkit against the raw baseline, and the
/// two crossed pairs (SDK client to the raw bot, plain client to the toolkit) that tell the two ends' shares apart.
/// Replies per second are 500 divided by the mean. For time to first delta at p50/p99 and peak memory under
/// replies that take their time, run the load harness: <c>dotnet run -c Release --project benchmarks/Cinnox.Chatbot.Benchmarks -- load</c>.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private const int Concurrency = 500;
    private LoopbackBots _bots = null!;

    /// <summary>Starts the bots.</summary>
    [GlobalSetup]
    public void Setup() => _bots = LoopbackBots.StartAsync(deltas: 100).GetAwaiter().GetResult();

    /// <summary>Stops the bots.</summary>
    [GlobalCleanup]
    public void Cleanup() => _bots.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>500 plain requests at once, each reading the same bytes to the end.</summary>
    /// <returns>The total bytes read.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public async Task<long> RawKestrelAndHttpClient()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _bots.SendRawAsync())).ConfigureAwait(false);
        return replies.Sum();
    }

    /// <summary>500 SDK calls at once to the raw bot: the client's share under load, the toolkit left out.</summary>
    /// <returns>The number of completed replies.</returns>
    [Benchmark(OperationsPerInvoke = Concurrency)]
    public async Task<int> SdkClientToRawBot()
    {
        var request = new ChatbotRequest("Tell me about the spring sale") { InquiryId = "ENQ-1" };
        var replies = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _bots.SdkClientToRaw.SendAsync(request))).ConfigureAwait(false);
        return Completed(replies);
    }

    /// <summary>500 plain requests at once to the toolkit's bot: the toolkit's share under load, the SDK's client left out.</summary>
    /// <returns>The total bytes read.</returns>
    [Benchmark(OperationsPerInvoke = Concurrency)]
    public async Task<long> PlainClientToToolkit()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _bots.SendPlainAsync(_bots.ToolkitUrl))).ConfigureAwait(false);
        return replies.Sum() == (long)_bots.Reply.Length * Concurrency ? replies.Sum() : throw new InvalidOperationException("A reply came back short.");
    }

    /// <summary>500 SDK calls at once to the toolkit's bot.</summary>
    /// <returns>The number of completed replies.</returns>
    [Benchmark(OperationsPerInvoke = Concurrency)]
    public async Task<int> SdkClientAndToolkit()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _bots.SendWithSdkAsync())).ConfigureAwait(false);
        return Completed(replies);
    }

    private static int Completed(ChatbotReply[] replies)
    {
        var completed = replies.Count(reply => reply.IsCompleted);
        return completed == Concurrency ? completed : throw new InvalidOperationException($"Only {completed} of {Concurrency} replies completed.");
    }
}

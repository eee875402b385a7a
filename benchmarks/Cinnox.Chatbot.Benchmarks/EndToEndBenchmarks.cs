using BenchmarkDotNet.Attributes;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// One streamed reply of 100 deltas over real loopback sockets: the SDK's client talking to a bot built with the
/// toolkit, against a plain Kestrel handler writing the same bytes and a plain <see cref="HttpClient"/> reading them.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private LoopbackBots _bots = null!;

    /// <summary>Starts the bots and checks that both paths move the same reply.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bots = LoopbackBots.StartAsync(deltas: 100).GetAwaiter().GetResult();
        var reply = _bots.SendWithSdkAsync().GetAwaiter().GetResult();
        var rawBytes = _bots.SendRawAsync().GetAwaiter().GetResult();
        if (!reply.IsCompleted || !reply.Streamed || rawBytes != _bots.Reply.Length || reply.BytesRead != rawBytes)
        {
            throw new InvalidOperationException($"The two paths differ: {reply.Outcome}, streamed {reply.Streamed}, {reply.BytesRead} and {rawBytes} bytes.");
        }
    }

    /// <summary>Stops the bots.</summary>
    [GlobalCleanup]
    public void Cleanup() => _bots.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A plain Kestrel handler writes the bytes; a plain <see cref="HttpClient"/> reads them to the end.</summary>
    /// <returns>The number of bytes read.</returns>
    [Benchmark(Baseline = true)]
    public Task<long> RawKestrelAndHttpClient() => _bots.SendRawAsync();

    /// <summary>The SDK's client against the raw bot: the client's share of the cost, the toolkit left out.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark]
    public async Task<int> SdkClientToRawBot() => (await _bots.SdkClientToRaw.SendAsync(new ChatbotRequest("Tell me about the spring sale") { InquiryId = "ENQ-1" }).ConfigureAwait(false)).Text.Length;

    /// <summary>A plain <see cref="HttpClient"/> against the toolkit's bot: the toolkit's share of the cost, the SDK's client left out.</summary>
    /// <returns>The number of bytes read.</returns>
    [Benchmark]
    public Task<long> PlainClientToToolkit() => _bots.SendPlainAsync(_bots.ToolkitUrl);

    /// <summary>The SDK's client calls a bot built with the toolkit and reads the reply into a <see cref="ChatbotReply"/>.</summary>
    /// <returns>The length of the final text.</returns>
    [Benchmark]
    public async Task<int> SdkClientAndToolkit() => (await _bots.SendWithSdkAsync().ConfigureAwait(false)).Text.Length;
}

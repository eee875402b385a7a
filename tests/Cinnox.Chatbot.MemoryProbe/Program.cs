using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Cinnox.Chatbot.MemoryProbe;

/// <summary>
/// Reads one case of <see cref="WorstBodies"/> through a <see cref="ChatbotClient"/> with the default limits and
/// writes <c>{"case","bodyBytes","outcome","failureReason","baselineBytes","peakWorkingSetBytes","allocatedBytes","allocatedPerBodyByte"}</c>.
/// </summary>
public static class Program
{
    /// <summary>Runs one case.</summary>
    /// <param name="args">The case's name, and <c>stream</c> to read it with <c>StreamAsync</c> instead of <c>SendAsync</c>.</param>
    /// <returns>0, or 2 for a bad argument.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length is < 1 or > 2 || !WorstBodies.Names.Contains(args[0]))
        {
            await Console.Error.WriteLineAsync("usage: Cinnox.Chatbot.MemoryProbe CASE [stream]; cases: " + string.Join(", ", WorstBodies.Names)).ConfigureAwait(false);
            return 2;
        }

        var streaming = args.Length == 2 && args[1] == "stream";
        var (body, mediaType) = WorstBodies.Create(args[0]);
        using var httpClient = new HttpClient(new CannedHandler(body, mediaType)) { Timeout = Timeout.InfiniteTimeSpan };
        var destination = new ChatbotDestination { Name = "Memory probe", Url = new Uri("http://127.0.0.1/bot") };
        destination.Headers["Accept"] = "text/event-stream";
        var client = new ChatbotClient(httpClient, destination);

        // Warm up (JIT, pools) on a tiny body of the same kind, so the baseline holds everything but the case itself.
        _ = await ReadAsync(new ChatbotClient(new HttpClient(new CannedHandler("{\"message\":{\"type\":1,\"text\":\"a\"}}"u8.ToArray(), "application/json")), destination), streaming).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var reply = await ReadAsync(client, streaming).ConfigureAwait(false);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        GC.KeepAlive(reply);
        var reason = reply.FailureReason is null ? "null" : System.Text.Json.JsonEncodedText.Encode(reply.FailureReason).ToString();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"case\":\"{args[0]}\",\"streaming\":{(streaming ? "true" : "false")},\"bodyBytes\":{body.Length},\"outcome\":\"{reply.Outcome}\",\"failureReason\":{(reply.FailureReason is null ? "null" : "\"" + reason + "\"")},\"warnings\":{reply.Warnings.Count},\"baselineBytes\":{baseline},\"peakWorkingSetBytes\":{peak},\"allocatedBytes\":{allocated},\"allocatedPerBodyByte\":{(double)allocated / body.Length:0.###}}}"));
        return 0;
    }

    private static async Task<ChatbotReply> ReadAsync(ChatbotClient client, bool streaming)
    {
        var request = new ChatbotRequest("hi");
        if (!streaming)
        {
            return await client.SendAsync(request).ConfigureAwait(false);
        }

        ChatbotReply? reply = null;
        await foreach (var update in client.StreamAsync(request).ConfigureAwait(false))
        {
            reply = update.Reply ?? reply;
        }

        return reply!;
    }

    /// <summary>Answers every request with the same body, from memory: no socket, so only the reader is measured.</summary>
    private sealed class CannedHandler(byte[] body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
            });
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Two bots on real Kestrel servers on 127.0.0.1, and a client for each: the SDK's client talking to a bot built
/// with the toolkit, and a plain <see cref="HttpClient"/> talking to a plain Kestrel handler that writes the very
/// bytes the toolkit writes (captured from it at start, so both sides move the same bytes over the same sockets).
/// </summary>
public sealed class LoopbackBots : IAsyncDisposable
{
    private readonly LoopbackServer _toolkitServer;
    private readonly LoopbackServer _rawServer;
    private readonly byte[] _requestBody;
    private readonly HttpClient _sdkHttpClient;

    private LoopbackBots(LoopbackServer toolkitServer, LoopbackServer rawServer, byte[] reply, int deltas)
    {
        _toolkitServer = toolkitServer;
        _rawServer = rawServer;
        Reply = reply;
        Deltas = deltas;
        _requestBody = ChatbotJson.SerializeRequest(new ChatbotRequest("Tell me about the spring sale") { InquiryId = "ENQ-1" });

        var destination = new ChatbotDestination { Name = "Loopback bot", Url = toolkitServer.Url("chatbot") };
        destination.Headers["Accept"] = "text/event-stream";
        // As AddCinnoxChatbotClient configures it and ChatbotClient's documentation asks: the client enforces the
        // destination's total time itself, so HttpClient's own timeout (and its per-request timer) stays off.
        _sdkHttpClient = new HttpClient(NewHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        SdkClient = new ChatbotClient(_sdkHttpClient, destination);
        RawClient = new HttpClient(NewHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        RawUrl = rawServer.Url("raw");
        ToolkitUrl = toolkitServer.Url("chatbot");
        var rawDestination = new ChatbotDestination { Name = "Raw bot", Url = RawUrl };
        rawDestination.Headers["Accept"] = "text/event-stream";
        SdkClientToRaw = new ChatbotClient(_sdkHttpClient, rawDestination);
    }

    /// <summary>Gets the SDK's client pointed at the raw bot (to tell the client's share of any cost from the toolkit's).</summary>
    public ChatbotClient SdkClientToRaw { get; }

    /// <summary>Gets the toolkit bot's URL.</summary>
    public Uri ToolkitUrl { get; }

    /// <summary>Gets the bytes of one streamed reply, as the toolkit writes them.</summary>
    public byte[] Reply { get; }

    /// <summary>Gets the number of deltas in each reply.</summary>
    public int Deltas { get; }

    /// <summary>Gets the SDK's client, calling the toolkit's bot.</summary>
    public ChatbotClient SdkClient { get; }

    /// <summary>Gets the plain client of the raw baseline.</summary>
    public HttpClient RawClient { get; }

    /// <summary>Gets the raw bot's URL.</summary>
    public Uri RawUrl { get; }

    /// <summary>Starts both bots.</summary>
    /// <param name="deltas">How many deltas each reply streams.</param>
    /// <param name="pause">How long the toolkit's bot waits between deltas, like a model producing tokens; zero for none.</param>
    /// <returns>The running bots.</returns>
    public static async Task<LoopbackBots> StartAsync(int deltas, TimeSpan pause = default)
    {
        var toolkit = await LoopbackServer.StartAsync(
            services => services.AddCinnoxChatbotServer(_ => { }),
            app => app.MapCinnoxChatbot("/chatbot", (ChatbotRequestContext context, CancellationToken cancellationToken) =>
                ValueTask.FromResult(ChatbotReplies.Stream(Words(deltas, pause, cancellationToken))))).ConfigureAwait(false);

        // Capture the toolkit's exact reply with a plain client, then serve those bytes from a plain handler.
        using var capture = new HttpClient();
        using var request = NewStreamingRequest(toolkit.Url("chatbot"), ChatbotJson.SerializeRequest(new ChatbotRequest("hi")));
        using var response = await capture.SendAsync(request).ConfigureAwait(false);
        var reply = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync().ConfigureAwait(false);

        var raw = await LoopbackServer.StartAsync(configureServices: null, app => app.MapPost("/raw", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(reply, context.RequestAborted).ConfigureAwait(false);
        })).ConfigureAwait(false);

        return new LoopbackBots(toolkit, raw, reply, deltas);
    }

    /// <summary>Sends one request with the SDK's client and reads the whole streamed reply.</summary>
    /// <returns>The reply.</returns>
    public Task<ChatbotReply> SendWithSdkAsync() => SdkClient.SendAsync(new ChatbotRequest("Tell me about the spring sale") { InquiryId = "ENQ-1" });

    /// <summary>Sends the same request with the plain client and reads the reply's bytes to the end.</summary>
    /// <returns>The number of bytes read.</returns>
    public Task<long> SendRawAsync() => SendPlainAsync(RawUrl);

    /// <summary>Sends the request with the plain client to a URL and reads the reply's bytes to the end.</summary>
    /// <param name="url">The bot's URL.</param>
    /// <returns>The number of bytes read.</returns>
    public async Task<long> SendPlainAsync(Uri url)
    {
        using var request = NewStreamingRequest(url, _requestBody);
        using var response = await RawClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _sdkHttpClient.Dispose();
        RawClient.Dispose();
        await _toolkitServer.DisposeAsync().ConfigureAwait(false);
        await _rawServer.DisposeAsync().ConfigureAwait(false);
    }

    private static HttpRequestMessage NewStreamingRequest(Uri url, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    private static SocketsHttpHandler NewHandler() => new()
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    };

    private static async IAsyncEnumerable<string> Words(int count, TimeSpan pause, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }

            yield return i == 0 ? "word0" : " word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

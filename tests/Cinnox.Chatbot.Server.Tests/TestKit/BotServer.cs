using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>
/// A bot built with the toolkit, hosted for one test in process (TestServer) or on a real loopback socket,
/// with its logs collected.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    private const string ToolkitCategory = "Cinnox.Chatbot.Server";
    private readonly WebApplication? _app;
    private readonly LoopbackServer? _loopback;

    private BotServer(WebApplication? app, LoopbackServer? loopback, HttpClient client, FakeLogCollector logs)
    {
        _app = app;
        _loopback = loopback;
        Client = client;
        Logs = logs;
    }

    /// <summary>Gets a client whose base address is the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Gets everything the server logged.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Gets everything the server logged, one record a line, for failure messages and checks that a secret never appears.</summary>
    public string LogText => string.Join('\n', Logs.GetSnapshot().Select(record => $"{record.Category} {record.Message} {record.Exception}"));

    /// <summary>Gets what the toolkit logged.</summary>
    public IReadOnlyList<FakeLogRecord> ToolkitLogs =>
        [.. Logs.GetSnapshot().Where(record => record.Category == ToolkitCategory)];

    /// <summary>Gets the server's services.</summary>
    public IServiceProvider Services => _app?.Services ?? _loopback!.Services;

    /// <summary>Starts a bot with one handler at <c>/chatbot</c>.</summary>
    public static Task<BotServer> StartAsync(
        Transport transport,
        Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> handler,
        Action<ChatbotServerOptions>? configure = null,
        TimeProvider? time = null) =>
        StartAsync(transport, app => app.MapCinnoxChatbot("/chatbot", handler), services =>
        {
            services.AddCinnoxChatbotServer(configure);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });

    /// <summary>Starts a bot configured by the test.</summary>
    public static async Task<BotServer> StartAsync(Transport transport, Action<WebApplication> map, Action<IServiceCollection>? configureServices = null)
    {
        var logs = new FakeLogCollector();
        void Services(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Trace);
            configureServices?.Invoke(services);
        }

        if (transport == Transport.Loopback)
        {
            var loopback = await LoopbackServer.StartAsync(Services, map);
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
            return new BotServer(null, loopback, new HttpClient(handler) { BaseAddress = loopback.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, logs);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        Services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var client = app.GetTestClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        return new BotServer(app, null, client, logs);
    }

    /// <summary>Waits until the toolkit logs an event, for events logged after the response was read.</summary>
    public async Task<FakeLogRecord> WaitForLogAsync(int eventId)
    {
        bool Match(FakeLogRecord record) => record.Category == ToolkitCategory && record.Id.Id == eventId;
        await Waiting.UntilAsync(() => Logs.GetSnapshot().Any(Match), because: $"the toolkit logs event {eventId}");
        return Logs.GetSnapshot().First(Match);
    }

    /// <summary>Creates a POST to <c>/chatbot</c> with a JSON body.</summary>
    public static HttpRequestMessage Post(string json, string? accept = null, string path = "chatbot")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    /// <summary>Creates a POST of a current-format request with a query.</summary>
    public static HttpRequestMessage PostQuery(string query, bool acceptEventStream = false) =>
        Post(Encoding.UTF8.GetString(ChatbotJson.SerializeRequest(new ChatbotRequest(query))), acceptEventStream ? "text/event-stream" : "application/json");

    /// <summary>Sends a request and reads the whole response.</summary>
    public async Task<Answer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Answer(response.StatusCode, response.Content.Headers.ContentType, response.Headers, response.Content.Headers, body);
        }
    }

    /// <summary>Sends a streaming request, reads its first event, then hangs up as a client that goes away would.</summary>
    /// <returns>The first event's data.</returns>
    public async Task<string> HangUpAfterFirstEventAsync(HttpRequestMessage request)
    {
        using (request)
        using (var aborting = new CancellationTokenSource())
        {
            var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, aborting.Token);
            string first;
            var body = await response.Content.ReadAsStreamAsync(aborting.Token);
            await using (var events = SseLineReader.ReadAsync(body).GetAsyncEnumerator())
            {
                (await events.MoveNextAsync()).Should().BeTrue("the stream starts before the client hangs up");
                first = events.Current.Data;
            }

            await aborting.CancelAsync();
            response.Dispose();
            return first;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_loopback is not null)
        {
            await _loopback.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A whole response.</summary>
    public sealed record Answer(
        System.Net.HttpStatusCode Status,
        MediaTypeHeaderValue? ContentType,
        HttpResponseHeaders Headers,
        HttpContentHeaders ContentHeaders,
        string Body)
    {
        /// <summary>Gets the media type, such as <c>application/json</c>.</summary>
        public string? MediaType => ContentType?.MediaType;

        /// <summary>Reads the body as a CINNOX reply.</summary>
        public ChatbotMessage Message => ChatbotJson.ParseReply(Body);

        /// <summary>Reads the body as a text reply's text.</summary>
        public string? Text => ((ChatbotTextMessage)Message).Text;
    }
}

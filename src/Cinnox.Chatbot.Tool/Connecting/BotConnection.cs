using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.Tool.Connecting;

/// <summary>
/// A chatbot client for one destination, made exactly as a platform makes one: through
/// <c>AddCinnoxChatbotClient</c> and its <see cref="IHttpClientFactory"/> pipeline, with a recording step that keeps
/// the wire (request, response head, body bytes and their arrival times) for the inspector and the checker.
/// </summary>
/// <remarks>
/// Redirects are never followed: a 3xx is the bot's answer (an <c>httpError</c> outcome), so the configured headers
/// never reach another origin and a hostile <c>Location</c> (<c>file:</c>, <c>javascript:</c>, <c>data:</c>) is
/// only ever a string.
/// </remarks>
internal sealed class BotConnection : IAsyncDisposable
{
    private const string ClientName = "cinnox-chatbot";
    private const string ProbeClientName = "cinnox-chatbot-probe";
    private readonly ServiceProvider _services;

    private BotConnection(ServiceProvider services, ChatbotDestination destination)
    {
        _services = services;
        Destination = destination;
        Client = services.GetRequiredService<IChatbotClientFactory>().GetClient(ClientName);
    }

    /// <summary>Gets the destination the client calls.</summary>
    public ChatbotDestination Destination { get; }

    /// <summary>Gets the SDK client.</summary>
    public IChatbotClient Client { get; }

    /// <summary>
    /// Opens a connection to <paramref name="destination"/>.
    /// </summary>
    /// <param name="destination">The destination; copied, so later changes do not reach the client.</param>
    /// <param name="retries">How many times a failure before any response byte is retried (docs/protocol.md#retries).</param>
    /// <param name="timeProvider">The clock for timings and limits.</param>
    public static BotConnection Open(ChatbotDestination destination, int? retries = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var time = timeProvider ?? TimeProvider.System;
        var copy = destination.Clone();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        var builder = services.AddCinnoxChatbotClient(ClientName, configured => CopyInto(copy, configured));
        if (retries is { } attempts)
        {
            builder.ConfigureRetry(retry => retry.MaxRetryAttempts = attempts);
        }

        builder.HttpClientBuilder
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => NeverRedirect(handler))
            .AddHttpMessageHandler(() => new WireRecordingHandler(time));

        // Requests the SDK never sends (another method, a broken body, a HEAD for media) go through the same kind of
        // pipeline: no redirects, nothing drained.
        services.AddHttpClient(ProbeClientName)
            .ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, MaxResponseDrainSize = 0 })
            .AddHttpMessageHandler(() => new WireRecordingHandler(time));

        return new BotConnection(services.BuildServiceProvider(), copy);
    }

    /// <summary>Creates a plain HTTP client for probes the SDK does not send; it never follows redirects.</summary>
    public HttpClient CreateProbeClient() => _services.GetRequiredService<IHttpClientFactory>().CreateClient(ProbeClientName);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static void NeverRedirect(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    private static void CopyInto(ChatbotDestination source, ChatbotDestination target)
    {
        target.Name = source.Name;
        target.Url = source.Url;
        target.Avatar = source.Avatar;
        target.Description = source.Description;
        target.RequestFormat = source.RequestFormat;
        target.TransferToLiveAgent = source.TransferToLiveAgent;
        target.Limits = source.Limits.Clone();
        foreach (var (key, value) in source.Headers)
        {
            target.Headers[key] = value;
        }

        foreach (var (key, value) in source.UrlParameters)
        {
            target.UrlParameters[key] = value;
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot;

/// <summary>
/// Makes the clients of registered destinations: a fresh <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>
/// each time, over a shared per-destination core that is rebuilt when the destination's options change.
/// </summary>
internal sealed class ChatbotClientFactory : IChatbotClientFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<ChatbotDestination> _destinations;
    private readonly IOptionsMonitor<ChatbotRetryOptions> _retries;
    private readonly ChatbotClientRegistry _registry;
    private readonly IOptionsMonitor<ChatbotClientPipeline> _pipelines;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ChatbotTelemetry _telemetry;
    private readonly ConcurrentDictionary<string, CoreEntry> _cores = new(StringComparer.Ordinal);

    public ChatbotClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<ChatbotDestination> destinations,
        IOptionsMonitor<ChatbotRetryOptions> retries,
        IOptions<ChatbotClientRegistry> registry,
        IOptionsMonitor<ChatbotClientPipeline> pipelines,
        IServiceProvider services,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        _httpClientFactory = httpClientFactory;
        _destinations = destinations;
        _retries = retries;
        _registry = registry.Value;
        _pipelines = pipelines;
        _services = services;
        _logger = loggerFactory?.CreateLogger<ChatbotClient>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _telemetry = ChatbotTelemetry.Create(meterFactory);
    }

    /// <summary>The name of the <see cref="HttpClient"/> a destination is called through.</summary>
    public static string HttpClientName(string name) => "Cinnox.Chatbot:" + name;

    /// <summary>
    /// The default primary handler: abandoned replies are not drained, so a cancelled, timed-out or over-limit reply
    /// closes its connection at once instead of reading on in the background; redirects are not followed by the handler
    /// (the client follows the few a destination allows, docs/protocol.md#hostile-bots) and nothing is decoded.
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler() =>
        SocketsHttpHandler.IsSupported
            ? new SocketsHttpHandler { MaxResponseDrainSize = 0, AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None }
            : new HttpClientHandler { AllowAutoRedirect = false };

    public IChatbotClient GetClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registry.Names.Contains(name))
        {
            throw new ChatbotConfigurationException(
                $"No chatbot destination is registered under the name '{name}'; register it with services.AddCinnoxChatbotClient(\"{name}\", ...).");
        }

        ChatbotDestination destination;
        ChatbotRetryOptions retry;
        try
        {
            destination = _destinations.Get(name);
            retry = _retries.Get(name);
        }
        catch (OptionsValidationException exception)
        {
            throw new ChatbotConfigurationException(exception.Message, exception);
        }

        var entry = _cores.GetValueOrDefault(name);
        if (entry is null || !ReferenceEquals(entry.Destination, destination) || !ReferenceEquals(entry.Retry, retry))
        {
            entry = new CoreEntry(destination, retry, new ChatbotClientCore(destination, retry, _logger, _timeProvider, _telemetry, retriesInHandler: true));
            _cores[name] = entry;
        }

        var client = new ChatbotClient(_httpClientFactory.CreateClient(HttpClientName(name)), entry.Core);
        return _pipelines.Get(name).Wrap(client, _services);
    }

    private sealed record CoreEntry(ChatbotDestination Destination, ChatbotRetryOptions Retry, ChatbotClientCore Core);
}

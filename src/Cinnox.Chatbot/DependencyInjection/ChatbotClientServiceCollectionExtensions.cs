using Cinnox.Chatbot;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers chatbot clients in an <see cref="IServiceCollection"/>.</summary>
public static class ChatbotClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a chatbot destination under a name and a client that calls it through <c>IHttpClientFactory</c>.
    /// Call it once per destination; many destinations (one per tenant bot) live side by side.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The name to register the destination under. A destination left without a <see cref="ChatbotDestination.Name"/> takes it.</param>
    /// <param name="configure">Sets the destination's URL, headers, limits and the rest.</param>
    /// <returns>A builder to configure the destination further.</returns>
    /// <remarks>
    /// The configuration is validated when the host starts (and at the latest when a client is first asked for):
    /// an invalid destination stops the start with a message naming the field. Get the client from
    /// <see cref="IChatbotClientFactory.GetClient"/> or as the keyed service <c>IChatbotClient</c> named <paramref name="name"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static ChatbotClientBuilder AddCinnoxChatbotClient(this IServiceCollection services, string name, Action<ChatbotDestination> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddCinnoxChatbotClient(name).ConfigureDestination(configure);
    }

    /// <summary>
    /// Registers a chatbot destination under a name, configured elsewhere (for example bound from configuration with
    /// <c>services.AddOptions&lt;ChatbotDestination&gt;(name).Bind(...)</c>, or through the returned builder).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The name to register the destination under.</param>
    /// <returns>A builder to configure the destination.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static ChatbotClientBuilder AddCinnoxChatbotClient(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        services.AddOptions<ChatbotDestination>(name).ValidateOnStart();
        services.AddOptions<ChatbotRetryOptions>(name).ValidateOnStart();
        services.PostConfigure<ChatbotDestination>(name, destination =>
        {
            if (string.IsNullOrWhiteSpace(destination.Name))
            {
                destination.Name = name;
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatbotDestination>, ChatbotDestinationValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatbotRetryOptions>, ChatbotRetryOptionsValidator>());
        services.Configure<ChatbotClientRegistry>(registry => registry.Names.Add(name));
        services.TryAddSingleton<IChatbotClientFactory, ChatbotClientFactory>();
        services.TryAddKeyedTransient<IChatbotClient>(name, static (provider, key) =>
            provider.GetRequiredService<IChatbotClientFactory>().GetClient((string)key!));

        var httpClientBuilder = services
            .AddHttpClient(ChatbotClientFactory.HttpClientName(name))
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(ChatbotClientFactory.CreatePrimaryHandler);

        // Retries live in the HttpClient's pipeline, where users see and can replace them (docs/client.md), configured
        // for streaming: no attempt timeout, no hedging, nothing sent again once response headers have arrived.
        httpClientBuilder.AddResilienceHandler(ChatbotRetryStrategy.HandlerName, (pipeline, context) =>
        {
            context.EnableReloads<ChatbotRetryOptions>(name);
            var retry = context.GetOptions<ChatbotRetryOptions>(name);
            if (retry.MaxRetryAttempts == 0)
            {
                return;
            }

            var services = context.ServiceProvider;
            var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = services.GetService<ILoggerFactory>()?.CreateLogger<ChatbotClient>() ?? (ILogger)NullLogger.Instance;
            pipeline.TimeProvider = timeProvider;
            pipeline.AddRetry(ChatbotRetryStrategy.CreateOptions(retry, name, logger, timeProvider));
        });

        return new ChatbotClientBuilder(services, name, httpClientBuilder);
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot;

/// <summary>
/// Configures one chatbot destination registered with <c>services.AddCinnoxChatbotClient(name, ...)</c>.
/// </summary>
public sealed class ChatbotClientBuilder
{
    internal ChatbotClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClientBuilder)
    {
        Services = services;
        Name = name;
        HttpClientBuilder = httpClientBuilder;
    }

    /// <summary>Gets the services the destination is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the name the destination is registered under, as given to <see cref="IChatbotClientFactory.GetClient"/>.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the builder of the named <see cref="HttpClient"/> the destination is called through, to add message
    /// handlers or replace the primary handler.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The pipeline holds one resilience handler, named <c>retry</c>, with the retry strategy of
    /// <see cref="ConfigureRetry"/>: only failures before the response headers are sent again, inside the destination's
    /// total response time. Handlers added here run inside it, once per attempt. Replace it with
    /// <c>RemoveAllResilienceHandlers()</c> and <c>AddResilienceHandler(...)</c>; do not add an attempt timeout, hedging or
    /// <c>AddStandardResilienceHandler()</c>, whose timeouts would cut a reply that is still streaming (docs/client.md,
    /// "The HTTP pipeline").
    /// </para>
    /// <para>
    /// The default primary handler is a <see cref="SocketsHttpHandler"/> that does not drain an abandoned reply
    /// (<see cref="SocketsHttpHandler.MaxResponseDrainSize"/> is 0), so a cancelled or over-limit reply closes its
    /// connection at once; it follows no redirects (<see cref="SocketsHttpHandler.AllowAutoRedirect"/> is off, docs/protocol.md#hostile-bots)
    /// and decodes nothing. A primary handler of your own should not follow redirects either. Its
    /// <see cref="HttpClient.Timeout"/> is infinite because the client enforces the destination's total response time itself.
    /// </para>
    /// </remarks>
    public IHttpClientBuilder HttpClientBuilder { get; }

    /// <summary>Adds a step that configures the destination; steps run in the order they were added.</summary>
    /// <param name="configure">Sets properties of the destination.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public ChatbotClientBuilder ConfigureDestination(Action<ChatbotDestination> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>Adds a step that configures when failed requests are sent again.</summary>
    /// <param name="configure">Sets properties of the retry options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public ChatbotClientBuilder ConfigureRetry(Action<ChatbotRetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>
    /// Adds middleware around the destination's client, as <c>ChatClientBuilder.Use</c> does for chat clients: the
    /// first added is the outermost, and the innermost wraps the client that speaks the protocol.
    /// </summary>
    /// <param name="middleware">Wraps the inner client, usually in a <see cref="DelegatingChatbotClient"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="middleware"/> is null.</exception>
    public ChatbotClientBuilder Use(Func<IChatbotClient, IChatbotClient> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        return Use((inner, _) => middleware(inner));
    }

    /// <summary>
    /// Adds middleware around the destination's client that needs services (a logger, a cache): the first added is
    /// the outermost, and the innermost wraps the client that speaks the protocol.
    /// </summary>
    /// <param name="middleware">Wraps the inner client, given the service provider the client is resolved from.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="middleware"/> is null.</exception>
    public ChatbotClientBuilder Use(Func<IChatbotClient, IServiceProvider, IChatbotClient> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        Services.Configure<ChatbotClientPipeline>(Name, pipeline => pipeline.Middleware.Add(middleware));
        return this;
    }
}

using System.Diagnostics.CodeAnalysis;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Server.ChatClients;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps CINNOX General Chatbot endpoints answered by an <see cref="IChatClient"/>: any model, with any
/// <c>ChatClientBuilder</c> pipeline (function invocation, telemetry, caching), becomes a compliant bot.
/// </summary>
/// <remarks>
/// <para>
/// Each request is one turn of the enquiry's conversation: the model gets the
/// <see cref="ChatClientChatbotOptions.Instructions"/>, a description of the context fields, the last
/// <see cref="ChatClientChatbotOptions.MaxHistoryMessages"/> messages of the enquiry (by <c>inquiryID</c>, from the
/// <see cref="IChatbotHistoryStore"/>), and the visitor's message. A request without <c>inquiryID</c> is answered
/// without history, and leaves none.
/// </para>
/// <para>
/// A request that accepts <c>text/event-stream</c> gets the model's text as <c>delta</c> events through the toolkit's
/// stream path, with its guards (event and response limits, time budget, split events); any other request gets the
/// collected text as one JSON message. A model that throws before any text gives the platform a 500 problem; after,
/// the reply ends unfinished, so the platform sees it as interrupted and keeps the text.
/// </para>
/// <para>
/// With <see cref="ChatClientChatbotOptions.ActionTools"/> on, the model's calls of <see cref="ChatbotTools"/> become
/// replies: a transfer or close before any text is a <c>DIRECT_TRANSFER</c> or <c>CLOSE_ENQUIRY</c> reply (text the
/// model wrote with it is not sent), choices make an advanced message (the model's text in a bubble and a quick reply)
/// sent as JSON even to a streaming request. A call that comes after text has started streaming cannot change the
/// reply: the visitor sees the text streamed so far as a complete message, the action is not taken, the stream ends
/// there, and a warning is logged (event 20). The tools' descriptions ask the model to call them before writing.
/// </para>
/// <para>
/// The endpoint's options, authentication and limits are those of <c>AddCinnoxChatbotServer</c>, as for every
/// <c>MapCinnoxChatbot</c> overload.
/// </para>
/// </remarks>
public static class ChatClientChatbotEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "Cinnox.Chatbot.Server";

    /// <summary>Maps a chatbot endpoint answered by a chat client.</summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, such as <c>/chatbot</c>.</param>
    /// <param name="chatClient">The model, or a pipeline built with <c>ChatClientBuilder</c>; shared by all requests.</param>
    /// <param name="configure">Sets the options, if anything differs from the defaults.</param>
    /// <returns>A builder to add conventions to the endpoint, such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/>, <paramref name="pattern"/> or <paramref name="chatClient"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registered <see cref="ChatbotServerOptions"/> are invalid.</exception>
    public static IEndpointConventionBuilder MapCinnoxChatbot(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        IChatClient chatClient,
        Action<ChatClientChatbotOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        return Map(endpoints, pattern, _ => chatClient, configure);
    }

    /// <summary>
    /// Maps a chatbot endpoint answered by the <see cref="IChatClient"/> registered with dependency injection (as by
    /// <c>services.AddChatClient(...)</c> or <c>AddKeyedChatClient(...)</c>), resolved from each request's services.
    /// </summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, such as <c>/chatbot</c>.</param>
    /// <param name="configure">Sets the options, if anything differs from the defaults.</param>
    /// <param name="serviceKey">The key of a keyed chat client, or <see langword="null"/> for the unkeyed one.</param>
    /// <returns>A builder to add conventions to the endpoint, such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No such chat client is registered.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registered <see cref="ChatbotServerOptions"/> are invalid.</exception>
    public static IEndpointConventionBuilder MapCinnoxChatbotChatClient(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Action<ChatClientChatbotOptions>? configure = null,
        object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (serviceKey is null)
        {
            if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IChatClient)))
            {
                throw new InvalidOperationException(
                    $"No IChatClient is registered for the chatbot endpoint '{pattern}'. Register one with services.AddChatClient(...), or pass the client to MapCinnoxChatbot.");
            }

            return Map(endpoints, pattern, static httpContext => httpContext.RequestServices.GetRequiredService<IChatClient>(), configure);
        }

        if (services.GetService<IServiceProviderIsKeyedService>() is { } isKeyed && !isKeyed.IsKeyedService(typeof(IChatClient), serviceKey))
        {
            throw new InvalidOperationException(
                $"No IChatClient is registered with the key '{serviceKey}' for the chatbot endpoint '{pattern}'. Register one with services.AddKeyedChatClient(key, ...).");
        }

        return Map(endpoints, pattern, httpContext => httpContext.RequestServices.GetRequiredKeyedService<IChatClient>(serviceKey), configure);
    }

    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        Func<HttpContext, IChatClient> chatClient,
        Action<ChatClientChatbotOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var options = new ChatClientChatbotOptions();
        configure?.Invoke(options);
        options.Validate();

        var services = endpoints.ServiceProvider;
        var history = options.HistoryStore
            ?? services.GetService<IChatbotHistoryStore>()
            ?? new InMemoryChatbotHistoryStore(timeProvider: services.GetService<TimeProvider>());
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        var bot = new ChatClientChatbot(chatClient, options, history, logger);
        return endpoints.MapCinnoxChatbot(pattern, bot.HandleAsync);
    }
}

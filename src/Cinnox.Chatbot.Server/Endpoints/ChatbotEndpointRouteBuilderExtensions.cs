using System.Diagnostics.Metrics;
using System.Diagnostics.CodeAnalysis;
using Cinnox.Chatbot.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps CINNOX General Chatbot endpoints (docs/protocol.md).
/// </summary>
/// <remarks>
/// <para>
/// A mapped endpoint answers <c>POST</c> requests in either request format, calls the handler with a
/// <see cref="ChatbotRequestContext"/>, and writes its reply: a message as JSON; a stream of text as
/// Server-Sent Events when the request's <c>Accept</c> admits <c>text/event-stream</c>, or collected into one
/// JSON text message otherwise. Every reply stays within <see cref="ChatbotServerOptions.Limits"/>.
/// </para>
/// <para>
/// Bad requests are answered with RFC 7807 problem details: another method 405 (with <c>Allow: POST</c>), a
/// missing or wrong API key 401, a body that is not UTF-8 JSON 415, a body over
/// <see cref="ChatbotServerOptions.MaxRequestBodyBytes"/> 413, malformed JSON or a missing or non-string query 400.
/// A handler that throws before anything is written gives a 500 problem without the exception's details.
/// </para>
/// <para>
/// The options are those registered with <c>AddCinnoxChatbotServer</c> (or the defaults), read and validated
/// when the endpoint is mapped; the clock is the registered <see cref="TimeProvider"/>, or the system's.
/// </para>
/// </remarks>
public static class ChatbotEndpointRouteBuilderExtensions
{
    /// <summary>The category of the toolkit's log messages.</summary>
    internal const string LoggerCategory = "Cinnox.Chatbot.Server";

    /// <summary>Maps a chatbot endpoint whose handler takes a cancellation token.</summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, such as <c>/chatbot</c>.</param>
    /// <param name="handler">Answers each request; the token is <see cref="ChatbotRequestContext.CancellationToken"/>.</param>
    /// <returns>A builder to add conventions to the endpoint, such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The registered <see cref="ChatbotServerOptions"/> are invalid.</exception>
    public static IEndpointConventionBuilder MapCinnoxChatbot(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(handler);

        var services = endpoints.ServiceProvider;
        var options = (services.GetService<IOptions<ChatbotServerOptions>>()?.Value ?? new ChatbotServerOptions()).Clone();
        ChatbotServerOptionsValidator.EnsureValid(options);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        var telemetry = ChatbotServerTelemetry.Create(services.GetService<IMeterFactory>());
        var endpoint = new ChatbotEndpoint(handler, options, time, logger, telemetry, pattern);
        return endpoints.Map(pattern, endpoint.InvokeAsync).WithDisplayName($"CINNOX chatbot {pattern}");
    }

    /// <summary>Maps a chatbot endpoint with an asynchronous handler.</summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, such as <c>/chatbot</c>.</param>
    /// <param name="handler">Answers each request.</param>
    /// <returns>A builder to add conventions to the endpoint, such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The registered <see cref="ChatbotServerOptions"/> are invalid.</exception>
    public static IEndpointConventionBuilder MapCinnoxChatbot(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<ChatbotRequestContext, ValueTask<ChatbotServerReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapCinnoxChatbot(pattern, (context, _) => handler(context));
    }

    /// <summary>Maps a chatbot endpoint with a synchronous handler.</summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, such as <c>/chatbot</c>.</param>
    /// <param name="handler">Answers each request.</param>
    /// <returns>A builder to add conventions to the endpoint, such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The registered <see cref="ChatbotServerOptions"/> are invalid.</exception>
    public static IEndpointConventionBuilder MapCinnoxChatbot(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<ChatbotRequestContext, ChatbotServerReply> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapCinnoxChatbot(pattern, (context, _) => new ValueTask<ChatbotServerReply>(handler(context)));
    }

    /// <summary>
    /// Maps a chatbot endpoint answered by a <typeparamref name="THandler"/> resolved from the request's services,
    /// so the handler can take scoped dependencies. Register it, for example with <c>services.AddScoped&lt;THandler&gt;()</c>.
    /// </summary>
    /// <typeparam name="THandler">The handler type, registered with dependency injection.</typeparam>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, such as <c>/chatbot</c>.</param>
    /// <returns>A builder to add conventions to the endpoint, such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The registered <see cref="ChatbotServerOptions"/> are invalid.</exception>
    public static IEndpointConventionBuilder MapCinnoxChatbot<THandler>(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern)
        where THandler : class, IChatbotHandler =>
        endpoints.MapCinnoxChatbot(pattern, static (context, cancellationToken) =>
            context.HttpContext.RequestServices.GetRequiredService<THandler>().HandleAsync(context, cancellationToken));
}

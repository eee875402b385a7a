using Cinnox.Chatbot.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the options of the CINNOX chatbot endpoints.
/// </summary>
public static class ChatbotServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ChatbotServerOptions"/>, validated when the host starts, and the system
    /// <see cref="TimeProvider"/> unless one is registered already. Call it before mapping endpoints with
    /// <c>MapCinnoxChatbot</c>; it may be called more than once to configure further.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, if anything differs from the defaults.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCinnoxChatbotServer(this IServiceCollection services, Action<ChatbotServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ChatbotServerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatbotServerOptions>, ChatbotServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

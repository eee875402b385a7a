namespace Cinnox.Chatbot;

/// <summary>
/// Gives the client of a chatbot destination registered with
/// <c>services.AddCinnoxChatbotClient(name, ...)</c>. Many destinations live side by side, one per tenant bot.
/// </summary>
/// <remarks>
/// Each registered client is also a keyed service: <c>[FromKeyedServices("name")] IChatbotClient</c>.
/// </remarks>
public interface IChatbotClientFactory
{
    /// <summary>Gets the client of a registered destination.</summary>
    /// <param name="name">The name the destination was registered under.</param>
    /// <returns>
    /// A client over an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. It is cheap to get; get one per
    /// unit of work rather than holding it for the life of the process, so connections follow DNS changes.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ChatbotConfigurationException">No destination has that name, or its configuration is invalid.</exception>
    IChatbotClient GetClient(string name);
}

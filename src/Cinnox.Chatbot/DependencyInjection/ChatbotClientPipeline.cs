namespace Cinnox.Chatbot;

/// <summary>The middleware of one registered destination, in the order <see cref="ChatbotClientBuilder.Use(Func{IChatbotClient, IServiceProvider, IChatbotClient})"/> added it.</summary>
internal sealed class ChatbotClientPipeline
{
    public List<Func<IChatbotClient, IServiceProvider, IChatbotClient>> Middleware { get; } = [];

    /// <summary>Wraps a client in the middleware: the first added is the outermost, as with <c>ChatClientBuilder.Use</c>.</summary>
    public IChatbotClient Wrap(IChatbotClient client, IServiceProvider services)
    {
        for (var i = Middleware.Count - 1; i >= 0; i--)
        {
            client = Middleware[i](client, services) ?? throw new InvalidOperationException(
                "A chatbot client middleware returned null; return the inner client or a DelegatingChatbotClient around it.");
        }

        return client;
    }
}

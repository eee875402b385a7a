namespace Cinnox.Chatbot;

/// <summary>
/// A chatbot client that passes every call to an inner client. Derive from it to add behaviour around calls
/// (logging, caching, redaction) without reimplementing the protocol.
/// </summary>
public abstract class DelegatingChatbotClient : IChatbotClient
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="innerClient">The client calls are passed to.</param>
    protected DelegatingChatbotClient(IChatbotClient innerClient)
    {
        ArgumentNullException.ThrowIfNull(innerClient);
        InnerClient = innerClient;
    }

    /// <summary>Gets the client calls are passed to.</summary>
    protected IChatbotClient InnerClient { get; }

    /// <inheritdoc />
    public virtual ChatbotDestination Destination => InnerClient.Destination;

    /// <inheritdoc />
    public virtual Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default) =>
        InnerClient.SendAsync(request, options, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ChatbotReplyUpdate> StreamAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default) =>
        InnerClient.StreamAsync(request, options, cancellationToken);
}

namespace Cinnox.Chatbot;

/// <summary>
/// Calls one chatbot destination: sends a request and reads the reply, JSON or a Server-Sent-Events stream,
/// within the destination's limits (docs/protocol.md).
/// </summary>
/// <remarks>
/// Both methods work whatever the bot answers. Failures of the bot or the network do not throw: they end the
/// reply with an <see cref="ChatbotOutcome"/> and keep what arrived. Implementations are thread-safe.
/// </remarks>
public interface IChatbotClient
{
    /// <summary>Gets the destination this client calls.</summary>
    ChatbotDestination Destination { get; }

    /// <summary>Sends a request and returns the final reply.</summary>
    /// <param name="request">The request; the client adds the destination's URL parameters.</param>
    /// <param name="options">Per-call settings, such as whether the enquiry comes from an external channel.</param>
    /// <param name="cancellationToken">Cancels the call. After the reply has started, the reply ends as <see cref="ChatbotOutcome.Interrupted"/> and keeps its text.</param>
    /// <returns>The reply, whatever its outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before any response arrived.</exception>
    Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a request and yields the reply as it arrives: text deltas, warnings, then the final reply.</summary>
    /// <param name="request">The request; the client adds the destination's URL parameters.</param>
    /// <param name="options">Per-call settings, such as whether the enquiry comes from an external channel.</param>
    /// <param name="cancellationToken">Cancels the call; the response is disposed at once.</param>
    /// <returns>The updates; the last is always <see cref="ChatbotReplyUpdateKind.Completed"/> unless enumeration is cancelled or abandoned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    IAsyncEnumerable<ChatbotReplyUpdate> StreamAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default);
}

using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Keeps the conversation of each enquiry (by <c>inquiryID</c>) for a chatbot endpoint answered by an
/// <see cref="IChatClient"/>: the visitor's messages and the bot's replies, as the model should see them.
/// </summary>
/// <remarks>
/// The endpoint reads an enquiry's history before each request and appends the turn (the visitor's message, then
/// the text the visitor was sent) when the reply has been produced; it removes the history when the reply closes
/// the enquiry. Implementations must be thread-safe, bound what they keep, and treat the messages they are given
/// as their own copies. <see cref="InMemoryChatbotHistoryStore"/> is the default.
/// </remarks>
public interface IChatbotHistoryStore
{
    /// <summary>Gets an enquiry's messages, oldest first.</summary>
    /// <param name="inquiryId">The enquiry id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages; empty for an enquiry the store does not know (or no longer keeps).</returns>
    ValueTask<IReadOnlyList<ChatMessage>> GetAsync(string inquiryId, CancellationToken cancellationToken = default);

    /// <summary>Appends messages to an enquiry's history, starting it when there is none.</summary>
    /// <param name="inquiryId">The enquiry id.</param>
    /// <param name="messages">The messages, in order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the messages are kept.</returns>
    ValueTask AppendAsync(string inquiryId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Forgets an enquiry's history.</summary>
    /// <param name="inquiryId">The enquiry id.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the history is gone.</returns>
    ValueTask RemoveAsync(string inquiryId, CancellationToken cancellationToken = default);
}

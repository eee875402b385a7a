using Cinnox.Chatbot;
using Cinnox.Chatbot.ChatClients;

namespace Microsoft.Extensions.AI;

/// <summary>Makes a CINNOX bot usable wherever an <see cref="IChatClient"/> is expected.</summary>
public static class ChatbotChatClientExtensions
{
    /// <summary>
    /// Gets an <see cref="IChatClient"/> that calls the bot: each call sends the last user message as the request's
    /// <c>query</c> and returns the bot's reply.
    /// </summary>
    /// <param name="client">The bot's client, such as one from <see cref="IChatbotClientFactory"/>.</param>
    /// <returns>The chat client. Disposing it leaves <paramref name="client"/> alone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// The request: the text of the last <see cref="ChatRole.User"/> message is the <c>query</c> (a call without one
    /// throws <see cref="ArgumentException"/>); earlier messages are not sent, because the protocol carries one
    /// message and the bot keeps the enquiry's history by <c>inquiryID</c>. The enquiry id, its context fields,
    /// extra <c>queryParams</c> and whether it comes from an external channel are read from
    /// <see cref="ChatOptions.AdditionalProperties"/> under the keys of <see cref="ChatbotChatKeys"/>. Other
    /// <see cref="ChatOptions"/> (model, temperature, tools, <see cref="ChatOptions.ConversationId"/>) do not apply to
    /// a CINNOX bot and are ignored.
    /// </para>
    /// <para>
    /// The reply: text deltas become <see cref="ChatResponseUpdate"/>s as they arrive; an advanced message becomes a
    /// message whose text is readable (text items, then button labels in brackets) and whose
    /// <see cref="ChatMessage.RawRepresentation"/> is the <see cref="ChatbotAdvancedMessage"/>. The finish reason and
    /// the <see cref="ChatbotChatKeys"/> response properties tell the action (<see cref="ChatbotFinishReasons.DirectTransfer"/>,
    /// <see cref="ChatbotFinishReasons.CloseEnquiry"/>; the text stays the keyword as received) and the outcome; the
    /// <see cref="ChatResponse.RawRepresentation"/> (and the last update's) is the <see cref="ChatbotReply"/>.
    /// </para>
    /// <para>
    /// Failures: a reply that failed after text arrived returns that text with
    /// <see cref="ChatbotFinishReasons.Of"/> as its finish reason; one that failed before (HTTP error, invalid body,
    /// unreachable bot) throws <see cref="ChatbotReplyException"/>, which holds the reply. Cancelling the call throws
    /// <see cref="OperationCanceledException"/>.
    /// </para>
    /// <para>
    /// No response carries a <see cref="ChatResponse.ConversationId"/>: the client keeps no conversation state, and
    /// a caller that saw one would stop sending the history it owns. <see cref="IChatClient.GetService"/> returns
    /// the underlying <see cref="IChatbotClient"/> and a <see cref="ChatClientMetadata"/> (provider <c>cinnox</c>,
    /// the destination's URL, its name as the model id).
    /// </para>
    /// </remarks>
    public static IChatClient AsIChatClient(this IChatbotClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ChatbotChatClient(client);
    }
}

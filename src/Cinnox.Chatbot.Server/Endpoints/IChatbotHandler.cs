namespace Cinnox.Chatbot.Server;

/// <summary>
/// A chatbot that answers requests, resolved from dependency injection for each request when mapped with
/// <c>MapCinnoxChatbot&lt;THandler&gt;</c>.
/// </summary>
public interface IChatbotHandler
{
    /// <summary>Answers one request.</summary>
    /// <param name="context">The request.</param>
    /// <param name="cancellationToken">The same token as <see cref="ChatbotRequestContext.CancellationToken"/>.</param>
    /// <returns>The reply, made with <see cref="ChatbotReplies"/>.</returns>
    ValueTask<ChatbotServerReply> HandleAsync(ChatbotRequestContext context, CancellationToken cancellationToken);
}

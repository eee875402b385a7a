using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.ChatClients;

/// <summary>Turns a CINNOX reply into what an <see cref="IChatClient"/> caller reads.</summary>
internal static class ChatbotChatResponses
{
    /// <summary>Throws when the reply has nothing to show: failed before any text or message arrived.</summary>
    /// <exception cref="ChatbotReplyException">The reply failed without text.</exception>
    public static void ThrowIfEmptyFailure(ChatbotReply reply)
    {
        if (!reply.IsCompleted && reply.Text.Length == 0 && reply.Message is not ChatbotAdvancedMessage)
        {
            throw new ChatbotReplyException(reply);
        }
    }

    /// <summary>The text a reader sees: the text, or an advanced message's text and button labels.</summary>
    public static string ReadableText(ChatbotReply reply) =>
        reply.Message is ChatbotAdvancedMessage advanced ? AdvancedMessageText.ToPlainText(advanced) : reply.Text;

    public static ChatResponse ToResponse(ChatbotReply reply, string? modelId)
    {
        var message = new ChatMessage(ChatRole.Assistant, ReadableText(reply))
        {
            RawRepresentation = reply.Message,
        };

        // No ConversationId: the bot keeps its own state by inquiryID, and a caller that saw one would stop
        // sending the history it owns.
        return new ChatResponse(message)
        {
            FinishReason = ChatbotFinishReasons.Of(reply),
            ModelId = modelId,
            RawRepresentation = reply,
            AdditionalProperties = Properties(reply),
        };
    }

    public static AdditionalPropertiesDictionary Properties(ChatbotReply reply)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [ChatbotChatKeys.Outcome] = reply.Outcome.ToString(),
            [ChatbotChatKeys.Action] = reply.Action.ToString(),
            [ChatbotChatKeys.Streamed] = reply.Streamed,
        };
        if (reply.StatusCode is { } statusCode)
        {
            properties[ChatbotChatKeys.StatusCode] = statusCode;
        }

        if (reply.FailureReason is { } reason)
        {
            properties[ChatbotChatKeys.FailureReason] = reason;
        }

        if (reply.Warnings.Count > 0)
        {
            properties[ChatbotChatKeys.Warnings] = reply.Warnings.Select(static warning => warning.Code).ToArray();
        }

        return properties;
    }
}

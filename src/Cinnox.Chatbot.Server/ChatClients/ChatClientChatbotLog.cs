using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Server.ChatClients;

/// <summary>Log messages of chatbot endpoints answered by a chat client; never the visitor's or the model's text.</summary>
internal static partial class ChatClientChatbotLog
{
    [LoggerMessage(20, LogLevel.Warning, "The model on {Path} called {Tool} after its text had started streaming (enquiry {InquiryId}); a streamed reply is text only, so the stream ends here without the action.")]
    public static partial void ActionAfterText(ILogger logger, string path, string? inquiryId, string tool);

    [LoggerMessage(21, LogLevel.Debug, "The model on {Path} called {Tool} (enquiry {InquiryId}).")]
    public static partial void ActionCalled(ILogger logger, string path, string? inquiryId, string tool);

    [LoggerMessage(22, LogLevel.Warning, "The chat history store failed for enquiry {InquiryId} on {Path}; the turn is not kept.")]
    public static partial void HistoryFailed(ILogger logger, string path, string? inquiryId, Exception exception);
}

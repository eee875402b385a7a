namespace Cinnox.Chatbot.Server;

/// <summary>
/// A reply a chatbot handler returns: one message, written as JSON, or a stream of text, written as
/// Server-Sent Events when the platform accepts them and as one JSON text message otherwise. Made with
/// <see cref="ChatbotReplies"/>, which only lets valid messages through.
/// </summary>
public sealed class ChatbotServerReply
{
    private ChatbotServerReply(ChatbotMessage message, ReadOnlyMemory<byte> body)
    {
        Message = message;
        Body = body;
    }

    private ChatbotServerReply(IAsyncEnumerable<string> textStream) => TextStream = textStream;

    /// <summary>Gets the message of a single-message reply, or <see langword="null"/> for a stream.</summary>
    public ChatbotMessage? Message { get; }

    /// <summary>Gets the text of a streamed reply, or <see langword="null"/> for a single message.</summary>
    public IAsyncEnumerable<string>? TextStream { get; }

    /// <summary>Gets a value indicating whether this reply is a stream of text.</summary>
    public bool IsStream => TextStream is not null;

    /// <summary>Gets the JSON body <c>{"message":{...}}</c> of a single-message reply, serialized when the reply was made.</summary>
    internal ReadOnlyMemory<byte> Body { get; }

    internal static ChatbotServerReply FromMessage(ChatbotMessage message)
    {
        ChatbotMessageValidator.EnsureValid(message);

        // Serialized now, so a change to the message after it was checked cannot reach the wire.
        return new ChatbotServerReply(message, ChatbotJson.SerializeReply(message));
    }

    internal static ChatbotServerReply FromStream(IAsyncEnumerable<string> textStream) => new(textStream);
}

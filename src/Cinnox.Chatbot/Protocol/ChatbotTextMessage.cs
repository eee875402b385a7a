using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A text message (<c>type: 1</c>): text shown as it is, or an action keyword (docs/protocol.md#text-message). In a stream,
/// each event carries one of these with a <see cref="StreamType"/> (docs/protocol.md#streaming-replies).
/// </summary>
public sealed class ChatbotTextMessage : ChatbotMessage
{
    /// <summary>Initializes a new, empty instance (for deserialization and object initializers).</summary>
    public ChatbotTextMessage()
        : base(ChatbotMessageType.Text)
    {
    }

    /// <summary>Initializes a new instance with its text.</summary>
    /// <param name="text">The text, or an action keyword such as <see cref="ChatbotKeywords.DirectTransfer"/>.</param>
    public ChatbotTextMessage(string text)
        : base(ChatbotMessageType.Text) => Text = text;

    /// <summary>Gets or sets the text, or an action keyword.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>
    /// Gets or sets how a streamed event's text combines with what came before: <c>delta</c> appends, the
    /// terminal values replace. Absent in JSON replies.
    /// </summary>
    [JsonPropertyName("streamType")]
    public ChatbotStreamType? StreamType { get; set; }

    /// <summary>Gets the action the text stands for, or <see cref="ChatbotAction.None"/> when it is ordinary text.</summary>
    [JsonIgnore]
    public ChatbotAction Action => ChatbotKeywords.GetAction(Text);
}

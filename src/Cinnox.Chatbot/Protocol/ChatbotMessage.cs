using System.Text.Json;
using System.Text.Json.Serialization;
using Cinnox.Chatbot.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// A chatbot reply message, the value of a reply body's <c>message</c> property (docs/protocol.md#reply-messages):
/// a <see cref="ChatbotTextMessage"/> (type 1), a <see cref="ChatbotAdvancedMessage"/> (type 5), or a
/// <see cref="ChatbotUnknownMessage"/> that keeps a type this SDK does not know.
/// </summary>
/// <remarks>
/// Use <see cref="ChatbotMessages"/> to compose messages that are valid by construction, and
/// <see cref="ChatbotJson"/> to read and write them.
/// </remarks>
[JsonConverter(typeof(ChatbotMessageJsonConverter))]
public abstract class ChatbotMessage
{
    private protected ChatbotMessage(ChatbotMessageType type) => Type = type;

    /// <summary>Gets the <c>type</c> number of the message.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public ChatbotMessageType Type { get; }

    /// <summary>
    /// Gets or sets the properties this SDK does not know. They are kept when a message is read and
    /// written back unchanged.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

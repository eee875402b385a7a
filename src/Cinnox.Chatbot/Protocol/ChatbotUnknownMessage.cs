using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A message whose <c>type</c> this SDK does not know (or that has none). It is kept whole, so it can be
/// inspected or passed on, and reported as a warning rather than failing the reply (docs/protocol.md#reading-replies).
/// </summary>
public sealed class ChatbotUnknownMessage : ChatbotMessage
{
    /// <summary>Initializes a new instance around the message object as it was received.</summary>
    /// <param name="raw">The whole <c>message</c> object.</param>
    public ChatbotUnknownMessage(JsonElement raw)
        : base(new ChatbotMessageType(JsonReading.GetTypeNumber(raw) ?? 0))
    {
        Raw = raw.Clone();
        TypeNumber = JsonReading.GetTypeNumber(Raw);
    }

    /// <summary>Gets the <c>type</c> as it was received (<see cref="Type"/> is 0 when it is missing), or <see langword="null"/> when it was missing or not a number.</summary>
    [JsonIgnore]
    public int? TypeNumber { get; }

    /// <summary>Gets the whole message object as it was received; it is written back unchanged.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}

using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>The event shape the common approach deserializes into.</summary>
public sealed class TypedEvent
{
    /// <summary>Gets or sets the message.</summary>
    [JsonPropertyName("message")]
    public TypedMessage? Message { get; set; }
}

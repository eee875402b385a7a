using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>The message of a <see cref="TypedEvent"/>.</summary>
public sealed class TypedMessage
{
    /// <summary>Gets or sets the type.</summary>
    [JsonPropertyName("type")]
    public int Type { get; set; }

    /// <summary>Gets or sets the text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Gets or sets the stream type.</summary>
    [JsonPropertyName("streamType")]
    public string? StreamType { get; set; }
}

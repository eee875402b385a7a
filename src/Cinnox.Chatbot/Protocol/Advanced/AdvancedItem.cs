using System.Text.Json;
using System.Text.Json.Serialization;
using Cinnox.Chatbot.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// One item inside a container (docs/protocol.md#advanced-message): <see cref="TextItem"/> (9), <see cref="ImageItem"/> (10),
/// <see cref="VideoItem"/> (11), <see cref="ButtonItem"/> (12) or <see cref="AudioItem"/> (13); any other
/// type is kept as an <see cref="UnknownItem"/>.
/// </summary>
[JsonConverter(typeof(AdvancedItemJsonConverter))]
public abstract class AdvancedItem
{
    /// <summary>The type number of a text item.</summary>
    public const int TextType = 9;

    /// <summary>The type number of an image.</summary>
    public const int ImageType = 10;

    /// <summary>The type number of a video.</summary>
    public const int VideoType = 11;

    /// <summary>The type number of a button.</summary>
    public const int ButtonType = 12;

    /// <summary>The type number of an audio file.</summary>
    public const int AudioType = 13;

    private protected AdvancedItem(int type) => Type = type;

    /// <summary>Gets the item's <c>type</c> number.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public int Type { get; }

    /// <summary>Gets or sets the properties this SDK does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

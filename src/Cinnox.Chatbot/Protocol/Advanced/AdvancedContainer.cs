using System.Text.Json;
using System.Text.Json.Serialization;
using Cinnox.Chatbot.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// One entry of an advanced message's <c>advancedItems</c>: a container <c>{ "type": T, "items": [...] }</c>
/// (docs/protocol.md#advanced-message). The known containers are <see cref="BubbleContainer"/> (1), <see cref="CarouselContainer"/> (2),
/// <see cref="QuickReplyContainer"/> (3), <see cref="ListContainer"/> (4) and <see cref="TextContainer"/> (9);
/// any other type is kept as an <see cref="UnknownContainer"/>.
/// </summary>
[JsonConverter(typeof(AdvancedContainerJsonConverter))]
public abstract class AdvancedContainer
{
    /// <summary>The type number of a bubble.</summary>
    public const int BubbleType = 1;

    /// <summary>The type number of a carousel.</summary>
    public const int CarouselType = 2;

    /// <summary>The type number of a quick reply.</summary>
    public const int QuickReplyType = 3;

    /// <summary>The type number of a list.</summary>
    public const int ListType = 4;

    /// <summary>The type number of a text container.</summary>
    public const int TextType = 9;

    private protected AdvancedContainer(int type) => Type = type;

    /// <summary>Gets the container's <c>type</c> number.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public int Type { get; }

    /// <summary>Gets or sets the properties this SDK does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

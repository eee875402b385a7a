using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A text container (<c>type: 9</c>), reserved by the protocol's table and accepted as a container of text items.
/// </summary>
public sealed class TextContainer : AdvancedContainer
{
    /// <summary>Initializes a new, empty instance.</summary>
    public TextContainer()
        : base(TextType)
    {
    }

    /// <summary>Initializes a new instance with its items.</summary>
    /// <param name="items">The items, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public TextContainer(IEnumerable<AdvancedItem> items)
        : base(TextType)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
    }

    /// <summary>Gets or sets the items. The text items, each a <see cref="TextItem"/>.</summary>
    [JsonPropertyName("items")]
    public IList<AdvancedItem> Items { get; set; } = [];
}

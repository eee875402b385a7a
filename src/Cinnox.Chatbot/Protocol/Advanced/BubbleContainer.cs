using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A bubble (<c>type: 1</c>): text, media and button items, in the order Text → Media → Button.
/// </summary>
public sealed class BubbleContainer : AdvancedContainer
{
    /// <summary>Initializes a new, empty instance.</summary>
    public BubbleContainer()
        : base(BubbleType)
    {
    }

    /// <summary>Initializes a new instance with its items.</summary>
    /// <param name="items">The items, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public BubbleContainer(IEnumerable<AdvancedItem> items)
        : base(BubbleType)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
    }

    /// <summary>Gets or sets the items. The items: <see cref="TextItem"/>s first, then media (<see cref="ImageItem"/>, <see cref="VideoItem"/>, <see cref="AudioItem"/>), then <see cref="ButtonItem"/>s.</summary>
    [JsonPropertyName("items")]
    public IList<AdvancedItem> Items { get; set; } = [];
}

using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A carousel (<c>type: 2</c>): bubbles shown side by side. Each item is a bubble
/// <c>{ "type": 1, "items": [...] }</c> that follows the bubble rules.
/// </summary>
public sealed class CarouselContainer : AdvancedContainer
{
    /// <summary>Initializes a new, empty instance.</summary>
    public CarouselContainer()
        : base(CarouselType)
    {
    }

    /// <summary>Initializes a new instance with its bubbles.</summary>
    /// <param name="bubbles">The bubbles, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bubbles"/> is null.</exception>
    public CarouselContainer(IEnumerable<AdvancedContainer> bubbles)
        : base(CarouselType)
    {
        ArgumentNullException.ThrowIfNull(bubbles);
        Items = [.. bubbles];
    }

    /// <summary>Gets or sets the bubbles. Each should be a <see cref="BubbleContainer"/>; anything else is reported by validation.</summary>
    [JsonPropertyName("items")]
    public IList<AdvancedContainer> Items { get; set; } = [];
}

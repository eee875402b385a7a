namespace Cinnox.Chatbot;

/// <summary>Adds the bubbles of a carousel. Get one from <see cref="AdvancedMessageBuilder.AddCarousel"/>.</summary>
public sealed class CarouselBuilder
{
    private readonly string _path;
    private readonly List<AdvancedContainer> _bubbles = [];

    internal CarouselBuilder(string path) => _path = path;

    /// <summary>Adds a bubble to the carousel.</summary>
    /// <param name="build">Adds the bubble's items.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">An item breaks a rule, or the bubble is left empty.</exception>
    public CarouselBuilder AddBubble(Action<BubbleBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var bubble = new BubbleBuilder(JsonPath.Element(_path, "items", _bubbles.Count));
        build(bubble);
        _bubbles.Add(bubble.Build());
        return this;
    }

    internal CarouselContainer Build() =>
        _bubbles.Count > 0 ? new CarouselContainer(_bubbles) : throw AdvancedMessageBuilder.Empty(_path, "A carousel");
}

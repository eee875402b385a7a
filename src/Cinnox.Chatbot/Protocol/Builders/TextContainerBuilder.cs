namespace Cinnox.Chatbot;

/// <summary>Adds the items of a text container. Get one from <see cref="AdvancedMessageBuilder.AddTextContainer"/>.</summary>
public sealed class TextContainerBuilder
{
    private readonly string _path;
    private readonly List<AdvancedItem> _items = [];

    internal TextContainerBuilder(string path) => _path = path;

    /// <summary>Adds a text item.</summary>
    /// <param name="title">The title, if any.</param>
    /// <param name="text">The body, if any.</param>
    /// <param name="footer">The footer, if any.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">All three are empty, or one is over 10,000 characters.</exception>
    public TextContainerBuilder AddText(string? title = null, string? text = null, string? footer = null)
    {
        var item = new TextItem(title, text, footer);
        ChatbotMessageValidator.EnsureValidText(item, JsonPath.Element(_path, "items", _items.Count));
        _items.Add(item);
        return this;
    }

    internal TextContainer Build() =>
        _items.Count > 0 ? new TextContainer(_items) : throw AdvancedMessageBuilder.Empty(_path, "A text container");
}

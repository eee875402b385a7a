namespace Cinnox.Chatbot;

/// <summary>Adds the entries of a list. Get one from <see cref="AdvancedMessageBuilder.AddList"/>.</summary>
public sealed class ListBuilder
{
    private readonly string _path;
    private readonly TextItem _header;
    private readonly List<ButtonItem> _entries = [];

    internal ListBuilder(string path, TextItem header)
    {
        ChatbotMessageValidator.EnsureValidListHeader(header, JsonPath.Element(path, "items", 0));
        _path = path;
        _header = header;
    }

    /// <summary>Adds an entry.</summary>
    /// <param name="title">The entry's title.</param>
    /// <param name="description">The entry's description, if any.</param>
    /// <param name="action">What choosing the entry does.</param>
    /// <param name="imageUrl">The absolute http or https URL of the entry's image (JPEG, JPG, PNG or WebP), if any.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The entry breaks a rule.</exception>
#pragma warning disable CA1054 // Same text form as the protocol and the model.
    public ListBuilder AddEntry(string title, string? description, ButtonAction action, string? imageUrl = null)
#pragma warning restore CA1054
    {
        var entry = new ButtonItem { Title = title, Text = description, Action = action };
        if (imageUrl is not null)
        {
            entry.Items = [new ImageItem(imageUrl)];
        }

        ChatbotMessageValidator.EnsureValidListEntry(entry, JsonPath.Element(_path, "items", _entries.Count + 1));
        _entries.Add(entry);
        return this;
    }

    internal ListContainer Build() =>
        _entries.Count > 0 ? new ListContainer(_header, _entries) : throw AdvancedMessageBuilder.Empty(_path, "A list");
}

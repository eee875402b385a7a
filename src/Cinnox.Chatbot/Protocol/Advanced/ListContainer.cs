using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A list (<c>type: 4</c>): one header <see cref="TextItem"/> (<c>title</c>, <c>text</c>), then entries,
/// each a <see cref="ButtonItem"/> with a <c>title</c>, a description in <c>text</c>, an <c>action</c>, and
/// at most one <see cref="ImageItem"/> in its <c>items</c>.
/// </summary>
public sealed class ListContainer : AdvancedContainer
{
    /// <summary>Initializes a new, empty instance.</summary>
    public ListContainer()
        : base(ListType)
    {
    }

    /// <summary>Initializes a new instance with its header and entries.</summary>
    /// <param name="header">The header text.</param>
    /// <param name="entries">The entries, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> or <paramref name="entries"/> is null.</exception>
    public ListContainer(TextItem header, IEnumerable<ButtonItem> entries)
        : base(ListType)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(entries);
        Items = [header, .. entries];
    }

    /// <summary>Gets or sets the items: the header text item, then the entries.</summary>
    [JsonPropertyName("items")]
    public IList<AdvancedItem> Items { get; set; } = [];

    /// <summary>Gets the header: the first item when it is a <see cref="TextItem"/>, otherwise <see langword="null"/>.</summary>
    [JsonIgnore]
    public TextItem? Header => Items.Count > 0 ? Items[0] as TextItem : null;

    /// <summary>Gets the entries: the <see cref="ButtonItem"/>s after the header.</summary>
    [JsonIgnore]
    public IEnumerable<ButtonItem> Entries => Items.Skip(1).OfType<ButtonItem>();
}

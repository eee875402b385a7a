using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A quick reply (<c>type: 3</c>): a row of buttons the visitor can press.
/// </summary>
public sealed class QuickReplyContainer : AdvancedContainer
{
    /// <summary>Initializes a new, empty instance.</summary>
    public QuickReplyContainer()
        : base(QuickReplyType)
    {
    }

    /// <summary>Initializes a new instance with its items.</summary>
    /// <param name="items">The items, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public QuickReplyContainer(IEnumerable<AdvancedItem> items)
        : base(QuickReplyType)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
    }

    /// <summary>Gets or sets the items. The buttons, each a <see cref="ButtonItem"/>.</summary>
    [JsonPropertyName("items")]
    public IList<AdvancedItem> Items { get; set; } = [];
}

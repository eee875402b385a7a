using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A button (<c>type: 12</c>): display <see cref="Text"/> of at most 20 characters and an <see cref="Action"/>.
/// In a <see cref="ListContainer"/> the same shape is a list entry: <see cref="Title"/> is the entry's title,
/// <see cref="Text"/> its description, and <see cref="Items"/> holds at most one image.
/// </summary>
public sealed class ButtonItem : AdvancedItem
{
    /// <summary>The most characters a button's display text may have: 20.</summary>
    public const int MaxTextLength = 20;

    /// <summary>Initializes a new, empty instance.</summary>
    public ButtonItem()
        : base(ButtonType)
    {
    }

    /// <summary>Initializes a new button.</summary>
    /// <param name="text">The display text, at most 20 characters.</param>
    /// <param name="action">What pressing it does.</param>
    public ButtonItem(string text, ButtonAction action)
        : base(ButtonType)
    {
        Text = text;
        Action = action;
    }

    /// <summary>Gets or sets the entry title. Used by list entries only.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Gets or sets the display text (at most 20 characters), or a list entry's description.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Gets or sets what pressing the button does.</summary>
    [JsonPropertyName("action")]
    public ButtonAction? Action { get; set; }

    /// <summary>Gets or sets the entry's image (at most one <see cref="ImageItem"/>). Used by list entries only.</summary>
    [JsonPropertyName("items")]
    public IList<AdvancedItem>? Items { get; set; }
}

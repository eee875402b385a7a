using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A text item (<c>type: 9</c>) with an optional <see cref="Title"/>, <see cref="Text"/> and <see cref="Footer"/>.
/// At least one is present, and each is at most 10,000 characters.
/// </summary>
public sealed class TextItem : AdvancedItem
{
    /// <summary>The most characters <see cref="Title"/>, <see cref="Text"/> or <see cref="Footer"/> may have: 10,000.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Initializes a new, empty instance.</summary>
    public TextItem()
        : base(TextType)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="title">The title, if any.</param>
    /// <param name="text">The body text, if any.</param>
    /// <param name="footer">The footer, if any.</param>
    public TextItem(string? title = null, string? text = null, string? footer = null)
        : base(TextType)
    {
        Title = title;
        Text = text;
        Footer = footer;
    }

    /// <summary>Gets or sets the title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Gets or sets the main body text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Gets or sets the footer.</summary>
    [JsonPropertyName("footer")]
    public string? Footer { get; set; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>The preview of a web link in a message: its title, description, image and site.</summary>
public sealed record LinkPreview : MessagePreview
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="url">The link.</param>
    public LinkPreview(Uri url)
        : base(url)
    {
    }

    /// <summary>Gets the page's title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the page's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the page's preview image.</summary>
    public Uri? ImageUrl { get; init; }

    /// <summary>Gets the site's name.</summary>
    public string? SiteName { get; init; }
}

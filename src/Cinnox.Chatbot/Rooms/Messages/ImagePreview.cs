namespace Cinnox.Chatbot.Rooms;

/// <summary>The preview of an image in a message: its size and a thumbnail.</summary>
public sealed record ImagePreview : MessagePreview
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="url">The image.</param>
    public ImagePreview(Uri url)
        : base(url)
    {
    }

    /// <summary>Gets the image's width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Gets the image's height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Gets a smaller version of the image.</summary>
    public Uri? ThumbnailUrl { get; init; }
}

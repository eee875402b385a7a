using System.Collections.Frozen;

namespace Cinnox.Chatbot;

/// <summary>
/// An image (<c>type: 10</c>). Supported formats: JPEG, JPG, PNG, WebP.
/// </summary>
/// <remarks>The format is judged by the extension of the URL's path, when it has one.</remarks>
public sealed class ImageItem : MediaItem
{
    private static readonly FrozenSet<string> Extensions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "jpeg", "jpg", "png", "webp");

    /// <summary>Initializes a new, empty instance.</summary>
    public ImageItem()
        : base(ImageType, Extensions)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="fileUrl">The absolute http or https URL of the file.</param>
#pragma warning disable CA1054 // Kept as text, like the protocol's own value.
    public ImageItem(string fileUrl)
        : base(ImageType, Extensions) => FileUrl = fileUrl;
#pragma warning restore CA1054

}

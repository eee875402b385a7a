using System.Collections.Frozen;

namespace Cinnox.Chatbot;

/// <summary>
/// A video (<c>type: 11</c>). Supported formats: MP4, 3GP, 3GPP.
/// </summary>
/// <remarks>The format is judged by the extension of the URL's path, when it has one.</remarks>
public sealed class VideoItem : MediaItem
{
    private static readonly FrozenSet<string> Extensions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "mp4", "3gp", "3gpp");

    /// <summary>Initializes a new, empty instance.</summary>
    public VideoItem()
        : base(VideoType, Extensions)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="fileUrl">The absolute http or https URL of the file.</param>
#pragma warning disable CA1054 // Kept as text, like the protocol's own value.
    public VideoItem(string fileUrl)
        : base(VideoType, Extensions) => FileUrl = fileUrl;
#pragma warning restore CA1054

}

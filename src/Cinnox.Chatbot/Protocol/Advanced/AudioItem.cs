using System.Collections.Frozen;

namespace Cinnox.Chatbot;

/// <summary>
/// An audio file (<c>type: 13</c>). Supported formats: M4A, W4A, MP3, WAV, MPEG, AAC.
/// </summary>
/// <remarks>The format is judged by the extension of the URL's path, when it has one.</remarks>
public sealed class AudioItem : MediaItem
{
    private static readonly FrozenSet<string> Extensions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "m4a", "w4a", "mp3", "wav", "mpeg", "aac");

    /// <summary>Initializes a new, empty instance.</summary>
    public AudioItem()
        : base(AudioType, Extensions)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="fileUrl">The absolute http or https URL of the file.</param>
#pragma warning disable CA1054 // Kept as text, like the protocol's own value.
    public AudioItem(string fileUrl)
        : base(AudioType, Extensions) => FileUrl = fileUrl;
#pragma warning restore CA1054

}

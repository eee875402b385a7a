using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A media file: an <see cref="ImageItem"/>, <see cref="VideoItem"/> or <see cref="AudioItem"/>, given by a
/// publicly accessible <see cref="FileUrl"/>. Files may be at most 20 MB, which can only be checked by fetching them.
/// </summary>
public abstract class MediaItem : AdvancedItem
{
    /// <summary>The largest media file the platform shows: 20 MB.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private protected MediaItem(int type, IReadOnlyCollection<string> supportedExtensions)
        : base(type) => SupportedExtensions = supportedExtensions;

    /// <summary>Gets or sets the absolute http or https URL of the file.</summary>
    /// <remarks>Kept as text so that a reply with a malformed URL can still be read; validation reports it.</remarks>
    [JsonPropertyName("fileUrl")]
#pragma warning disable CA1056 // The protocol's value may be malformed; a string lets a tolerant reader keep it.
    public string? FileUrl { get; set; }
#pragma warning restore CA1056

    /// <summary>Gets the file extensions this kind of media supports, lower case and without the dot.</summary>
    [JsonIgnore]
    public IReadOnlyCollection<string> SupportedExtensions { get; }
}

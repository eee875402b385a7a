using System.Globalization;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A shared file: an image, video, document or voice message, with its name, size, media type and link.
/// The file itself lives at <see cref="Link"/>; rooms hold only its description.
/// </summary>
/// <remarks>
/// <see cref="ChatRoom.PostFile"/> checks the rules: a name, a size of zero or more, a media type of the form
/// <c>type/subtype</c> that matches the kind (<c>image/*</c>, <c>video/*</c>, <c>audio/*</c> for a voice
/// message, anything for a document), and an absolute http or https link.
/// </remarks>
public sealed class FileMessageContent : RoomMessageContent
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="fileKind">What kind of file it is.</param>
    /// <param name="name">The file name shown, such as <c>invoice.pdf</c>.</param>
    /// <param name="size">The size in bytes.</param>
    /// <param name="mediaType">The media type, such as <c>application/pdf</c>.</param>
    /// <param name="link">Where the file can be downloaded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="mediaType"/> or <paramref name="link"/> is null.</exception>
    public FileMessageContent(FileKind fileKind, string name, long size, string mediaType, Uri link)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(mediaType);
        ArgumentNullException.ThrowIfNull(link);
        FileKind = fileKind;
        Name = name;
        Size = size;
        MediaType = mediaType;
        Link = link;
    }

    /// <summary>Gets what kind of file it is.</summary>
    public FileKind FileKind { get; }

    /// <summary>Gets the file name shown.</summary>
    public string Name { get; }

    /// <summary>Gets the size in bytes.</summary>
    public long Size { get; }

    /// <summary>Gets the media type.</summary>
    public string MediaType { get; }

    /// <summary>Gets where the file can be downloaded.</summary>
    public Uri Link { get; }

    /// <summary>Gets how long a voice message or video lasts, when known.</summary>
    public TimeSpan? Duration { get; init; }

    /// <inheritdoc />
    public override RoomMessageKind Kind => RoomMessageKind.File;

    /// <summary>Gets the size in a form people read, such as <c>2.4 MB</c> (1 KB = 1,024 bytes).</summary>
    public string DisplaySize => FormatSize(Size);

    /// <inheritdoc />
    public override string ToPlainText() => Name + "\n" + Link.OriginalString;

    internal static string FormatSize(long bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} {(bytes == 1 ? "byte" : "bytes")}")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}

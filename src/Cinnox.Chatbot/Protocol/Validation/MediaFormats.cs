namespace Cinnox.Chatbot;

internal static class MediaFormats
{
    /// <summary>
    /// Gets the lower-case extension of the last segment of a URL's path, without the dot, or an empty string
    /// when it has none (docs/protocol.md#advanced-message: "judged by the URL path's extension when it has one").
    /// </summary>
    public static string GetExtension(Uri uri)
    {
        var path = uri.AbsolutePath.AsSpan();
        var segment = path[(path.LastIndexOf('/') + 1)..];
        var dot = segment.LastIndexOf('.');
        return dot < 0 || dot == segment.Length - 1 ? string.Empty : segment[(dot + 1)..].ToString().ToLowerInvariant();
    }
}

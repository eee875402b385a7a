using System.Net.Http.Headers;

namespace Cinnox.Chatbot;

/// <summary>
/// How the protocol's media types are recognised, on both sides of the wire (docs/protocol-decisions.md): one
/// matcher for a JSON body, one for an event stream, one for an <c>Accept</c> header that admits streaming.
/// </summary>
internal static class ChatbotMediaTypes
{
    /// <summary>The media type of a Server-Sent-Events stream.</summary>
    public const string EventStream = "text/event-stream";

    /// <summary>The media type of a JSON body.</summary>
    public const string Json = "application/json";

    /// <summary>The <c>Content-Type</c> of a JSON body this SDK writes.</summary>
    public const string JsonUtf8 = "application/json; charset=utf-8";

    /// <summary>
    /// Determines whether a media type (no parameters) names JSON: <c>application/json</c>, <c>text/json</c>, or
    /// any type with the <c>+json</c> structured-syntax suffix, case-insensitively.
    /// </summary>
    public static bool IsJson(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) ||
        mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase) ||
        (mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && mediaType.IndexOf('/') > 0);

    /// <summary>Determines whether a media type (no parameters) is <c>text/event-stream</c>, case-insensitively.</summary>
    public static bool IsEventStream(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase);

    /// <summary>Determines whether a charset parameter, when present, is UTF-8 (<c>utf-8</c> or <c>utf8</c>).</summary>
    public static bool IsUtf8OrAbsent(ReadOnlySpan<char> charset)
    {
        charset = charset.Trim().Trim('"');
        return charset.IsEmpty ||
            charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ||
            charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Determines whether an <c>Accept</c> header value admits <c>text/event-stream</c>: one of its media types is
    /// <c>text/event-stream</c> with a quality other than zero.
    /// </summary>
    public static bool AcceptsEventStream(string? acceptHeaderValue)
    {
        if (string.IsNullOrWhiteSpace(acceptHeaderValue))
        {
            return false;
        }

        foreach (var part in acceptHeaderValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MediaTypeWithQualityHeaderValue.TryParse(part, out var mediaType) &&
                mediaType.MediaType is { } type && IsEventStream(type) &&
                mediaType.Quality is not 0)
            {
                return true;
            }
        }

        return false;
    }
}

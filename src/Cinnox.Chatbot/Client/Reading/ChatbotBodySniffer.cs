using System.Buffers;

namespace Cinnox.Chatbot;

/// <summary>
/// Decides how a reply body is read (docs/protocol.md#streaming-replies): by its <c>Content-Type</c>
/// when that names JSON or an event stream, else by its first non-space byte.
/// </summary>
internal static class ChatbotBodySniffer
{
    /// <summary>Gets the UTF-8 byte-order mark, skipped before the first byte is judged.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Decides how to read a body from its media type.</summary>
    /// <param name="mediaType">The media type of the <c>Content-Type</c> header, or <see langword="null"/> when there is none.</param>
    /// <returns>The kind; <see cref="ChatbotBodyKind.Unknown"/> means "decide by the first byte".</returns>
    public static ChatbotBodyKind GetBodyKind(string? mediaType) =>
        string.IsNullOrEmpty(mediaType) ? ChatbotBodyKind.Unknown
        : ChatbotMediaTypes.IsEventStream(mediaType) ? ChatbotBodyKind.EventStream
        : ChatbotMediaTypes.IsJson(mediaType) ? ChatbotBodyKind.Json
        : ChatbotBodyKind.Unknown;

    /// <summary>
    /// Reads until the first non-space byte: a body is JSON when it is <c>{</c>, else an event stream. The bytes read
    /// to decide are replayed by the returned stream. Only white space is ever held beyond one read, and never more
    /// than the response limit.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="maxResponseBytes">The response limit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The kind, and the body to read from now on.</returns>
    public static async ValueTask<(ChatbotBodyKind Kind, Stream Body)> SniffAsync(Stream body, int maxResponseBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(512);
        var length = 0;
        var kind = ChatbotBodyKind.Json;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxResponseBytes)
                    {
                        // Only white space so far, and more of it than a response may hold: let the limit say so.
                        kind = ChatbotBodyKind.EventStream;
                        break;
                    }

                    Grow(ref buffer, length);
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var start = length;
                length += read;
                var content = buffer.AsSpan(0, length);
                var searchFrom = start;
                if (content.StartsWith(Utf8Bom))
                {
                    searchFrom = Math.Max(searchFrom, Utf8Bom.Length);
                }
                else if (Utf8Bom.StartsWith(content))
                {
                    continue;
                }

                var first = content[searchFrom..].IndexOfAnyExcept(" \t\r\n"u8);
                if (first >= 0)
                {
                    kind = content[searchFrom + first] == (byte)'{' ? ChatbotBodyKind.Json : ChatbotBodyKind.EventStream;
                    break;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return (kind, new ReplayReadStream(buffer, length, body));
    }

    /// <summary>Doubles a pooled buffer, keeping its first <paramref name="length"/> bytes.</summary>
    /// <param name="buffer">The buffer, replaced by the larger one.</param>
    /// <param name="length">How many bytes to keep.</param>
    public static void Grow(ref byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}

using System.Buffers;
using System.Text.Json;

namespace Cinnox.Chatbot.Server.Internal;

/// <summary>
/// Escapes text as the content of a JSON string (no quotes) with the SDK's writer options, into a buffer reused
/// for every call, and finds where escaped text may be cut.
/// </summary>
/// <remarks>
/// The escaping itself is <see cref="Utf8JsonWriter"/>'s; only the cutting is hand-written, because no library
/// splits escaped JSON text by size. A cut never falls inside an escape sequence, a UTF-8 character, or between
/// the two escaped halves of a surrogate pair, so every piece decodes to whole characters on its own.
/// </remarks>
internal sealed class JsonTextEscaper : IDisposable
{
    private readonly PooledByteBuffer _output = new(512);
    private readonly Utf8JsonWriter _writer;

    public JsonTextEscaper() => _writer = ChatbotJson.CreateWriter(_output);

    /// <summary>Writes text as a JSON string, quotes included, into <paramref name="output"/>.</summary>
    public void WriteQuoted(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        _writer.Reset(output);
        _writer.WriteStringValue(text);
        _writer.Flush();
    }

    /// <summary>Escapes text; the result stays valid until the next call.</summary>
    public ReadOnlyMemory<byte> Escape(ReadOnlySpan<char> text)
    {
        _output.Clear();
        _writer.Reset(_output);
        _writer.WriteStringValue(text);
        _writer.Flush();
        return _output.WrittenMemory[1..^1];
    }

    /// <summary>
    /// Measures the longest prefix of escaped text that fits in <paramref name="maxBytes"/> and ends between two
    /// characters.
    /// </summary>
    /// <param name="escaped">Escaped JSON string content, as <see cref="Escape"/> writes it.</param>
    /// <param name="maxBytes">The room available.</param>
    /// <param name="chars">The number of UTF-16 code units the prefix stands for.</param>
    /// <returns>The prefix's length in bytes; zero when not even one character fits.</returns>
    public static int FitPrefix(ReadOnlySpan<byte> escaped, int maxBytes, out int chars)
    {
        var length = 0;
        chars = 0;
        while (length < escaped.Length)
        {
            int tokenBytes;
            var tokenChars = 1;
            var lead = escaped[length];
            if (lead == (byte)'\\')
            {
                tokenBytes = escaped[length + 1] == (byte)'u' ? 6 : 2;
                if (tokenBytes == 6 && IsHighSurrogateEscape(escaped.Slice(length)) && length + 12 <= escaped.Length && escaped[length + 6] == (byte)'\\')
                {
                    tokenBytes = 12;
                    tokenChars = 2;
                }
            }
            else if (lead < 0x80)
            {
                tokenBytes = 1;
            }
            else if (lead >= 0xF0)
            {
                tokenBytes = 4;
                tokenChars = 2;
            }
            else
            {
                tokenBytes = lead >= 0xE0 ? 3 : 2;
            }

            if (length + tokenBytes > maxBytes)
            {
                break;
            }

            length += tokenBytes;
            chars += tokenChars;
        }

        return length;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _output.Dispose();
    }

    // \uD800 to \uDBFF, in either case.
    private static bool IsHighSurrogateEscape(ReadOnlySpan<byte> escape) =>
        (escape[2] | 0x20) == (byte)'d' && escape[3] is (byte)'8' or (byte)'9' or (byte)'a' or (byte)'b' or (byte)'A' or (byte)'B';
}

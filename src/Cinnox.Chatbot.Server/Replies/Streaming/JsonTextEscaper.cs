using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Cinnox.Chatbot.Server;

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
    private const int FastPathMaxChars = 4096;
    private const int ShortText = 16;

    // Printable ASCII that JSON strings carry as it is: everything from space to tilde except the quote and the
    // backslash. The tests check this against the writer for every ASCII character.
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private readonly PooledByteBuffer _output = new(512);
    private readonly Utf8JsonWriter _writer;

    public JsonTextEscaper() => _writer = ChatbotJson.CreateWriter(_output);

    /// <summary>
    /// Copies text that needs no escaping at all (printable ASCII without quotes or backslashes), the common case
    /// of a streamed word; returns false, writing nothing meaningful, for any other text.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">At least <c>text.Length</c> bytes.</param>
    public static bool TryCopyPlain(ReadOnlySpan<char> text, Span<byte> destination) =>
        !text.ContainsAnyExcept(PlainAscii) && Ascii.FromUtf16(text, destination, out _) == OperationStatus.Done;

    /// <summary>Determines whether text needs no escaping at all: printable ASCII without quotes or backslashes.</summary>
    public static bool IsPlain(ReadOnlySpan<char> text)
    {
        if (text.Length > ShortText)
        {
            return !text.ContainsAnyExcept(PlainAscii);
        }

        // A streamed word is a few characters: a plain loop beats the vectorized search's set-up.
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies text that <see cref="IsPlain"/> accepted, one byte a character.</summary>
    public static void CopyPlain(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length > ShortText)
        {
            Ascii.FromUtf16(text, destination, out _);
            return;
        }

        destination = destination[..text.Length];
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)text[i];
        }
    }

    /// <summary>Appends text escaped as JSON string content, without quotes.</summary>
    public void AppendEscaped(ReadOnlySpan<char> text, PooledByteBuffer output)
    {
        if (IsPlain(text))
        {
            Ascii.FromUtf16(text, output.GetSpan(text.Length), out var written);
            output.Advance(written);
            return;
        }

        output.Write(Escape(text).Span);
    }

    /// <summary>Writes text as a JSON string, quotes included, into <paramref name="output"/>.</summary>
    public void WriteQuoted(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        // Most text needs no escaping: transcode it and let the encoder confirm, which is what the writer would do
        // with more bookkeeping. Anything to escape, or a lone surrogate, goes through the writer itself.
        if (text.Length <= FastPathMaxChars)
        {
            var span = output.GetSpan((text.Length * 3) + 2);
            if (Utf8.FromUtf16(text, span[1..], out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done &&
                Encoder.FindFirstCharacterToEncodeUtf8(span.Slice(1, written)) < 0)
            {
                span[0] = (byte)'"';
                span[written + 1] = (byte)'"';
                output.Advance(written + 2);
                return;
            }
        }

        _writer.Reset(output);
        _writer.WriteStringValue(text);
        _writer.Flush();
    }

    /// <summary>Escapes text; the result stays valid until the next call.</summary>
    public ReadOnlyMemory<byte> Escape(ReadOnlySpan<char> text)
    {
        _output.Clear();
        WriteQuoted(text, _output);
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

using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Cinnox.Chatbot;

/// <summary>
/// Decodes the data of one Server-Sent event into what it says (docs/protocol.md#streaming-replies): the
/// <c>[DONE]</c> sentinel, a text message with its type, text and stream type, or why the event cannot be read.
/// Decoding changes nothing but the pending area of the <see cref="TextAccumulator"/> it is given, where the event's
/// text is decoded so that applying it as a delta costs no copy; the reader decides what the event means for the reply.
/// </summary>
/// <remarks>
/// Two paths read the same events the same way. <see cref="TryDecodeCompact"/> reads the shape nearly every bot
/// sends by a few span comparisons, and declines anything else; <see cref="DecodeFull(ReadOnlySpan{byte}, TextAccumulator, JsonReaderOptions)"/> reads any JSON with a
/// <see cref="Utf8JsonReader"/>. The compact path is hand-written because tokenizing ~60 bytes with
/// <see cref="Utf8JsonReader"/> costs several times what <see cref="SseParser"/> spends on the whole event; a
/// differential test holds the two paths to the same answers.
/// </remarks>
internal static class ChatbotEventDecoder
{
    // A JSON string's raw text ends at a quote; a backslash (escape) or a control character (invalid JSON) sends it to the full reader.
    private static readonly SearchValues<byte> StringStopBytes = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);


    /// <summary>Decodes one event: the compact path first, then the full one.</summary>
    /// <param name="eventType">The event's name; only the default <c>message</c> carries CINNOX messages.</param>
    /// <param name="data">The event's data.</param>
    /// <param name="text">Where the event's text is decoded, pending.</param>
    /// <returns>What the event says.</returns>
    public static DecodedEvent Decode(string eventType, ReadOnlySpan<byte> data, TextAccumulator text) =>
        Decode(eventType, data, text, ProtocolReadBudget.DefaultReaderOptions);

    /// <summary>Decodes one event, nesting JSON no deeper than <paramref name="options"/> allow.</summary>
    /// <param name="eventType">The event's name; only the default <c>message</c> carries CINNOX messages.</param>
    /// <param name="data">The event's data.</param>
    /// <param name="text">Where the event's text is decoded, pending.</param>
    /// <param name="options">The reader options, with the nesting cap (<see cref="ChatbotLimits.MaxJsonDepth"/>).</param>
    /// <returns>What the event says.</returns>
    public static DecodedEvent Decode(string eventType, ReadOnlySpan<byte> data, TextAccumulator text, JsonReaderOptions options)
    {
        // Events whose event name is not "message" are not CINNOX messages. The parser hands the default name as the
        // same instance, so the common case is a reference check.
        if (!ReferenceEquals(eventType, SseParser.EventTypeDefault) && !string.Equals(eventType, SseParser.EventTypeDefault, StringComparison.Ordinal))
        {
            return default;
        }

        if (data.Length < 16 && data.Trim(" \t"u8).SequenceEqual(ChatbotWire.Done))
        {
            return new DecodedEvent(DecodedEventKind.Done);
        }

        return TryDecodeCompact(data, text, out var decoded) ? decoded : DecodeFull(data, text, options);
    }

    /// <summary>
    /// The fast path for <c>{"message":{"type":1,"text":"...","streamType":"delta"}}</c> with these properties in any
    /// order, no white space, and text without escapes. It accepts nothing the full path would reject and reads it
    /// the same way; anything else returns <see langword="false"/>.
    /// </summary>
    /// <param name="data">The event's data.</param>
    /// <param name="text">Where the text is decoded, pending.</param>
    /// <param name="decoded">The message, when the data has the compact shape.</param>
    /// <returns><see langword="true"/> when the data has the compact shape.</returns>
    public static bool TryDecodeCompact(ReadOnlySpan<byte> data, TextAccumulator text, out DecodedEvent decoded)
    {
        decoded = default;
        int? type = null;
        var textLength = 0;
        var streamType = DecodedStreamType.Absent;

        // The protocol's own example, in its own order, is what most bots send: two comparisons and one decode.
        if (data.StartsWith(ChatbotWire.TextPrefix))
        {
            var value = data[ChatbotWire.TextPrefix.Length..];
            var end = value.IndexOfAny(StringStopBytes);
            if (end >= 0 && value[end] == (byte)'"' && value[end..].SequenceEqual(ChatbotWire.DeltaSuffix) &&
                Utf8.ToUtf16(value[..end], text.GetPendingSpan(end), out _, out textLength, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                decoded = DecodedEvent.Message(1, textLength, DecodedStreamType.Delta);
                return true;
            }
        }

        if (!data.StartsWith(ChatbotWire.MessagePrefix))
        {
            return false;
        }

        var rest = data[ChatbotWire.MessagePrefix.Length..];
        while (true)
        {
            if (rest.StartsWith("\"type\":"u8))
            {
                rest = rest["\"type\":"u8.Length..];
                var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                if (digits is <= 0 or > 9 || (digits > 1 && rest[0] == (byte)'0'))
                {
                    return false;
                }

                var number = 0;
                foreach (var digit in rest[..digits])
                {
                    number = (number * 10) + (digit - '0');
                }

                type = number;
                rest = rest[digits..];
            }
            else if (rest.StartsWith("\"text\":\""u8))
            {
                rest = rest["\"text\":\""u8.Length..];
                var end = rest.IndexOfAny(StringStopBytes);
                if (end < 0 || rest[end] != (byte)'"' ||
                    Utf8.ToUtf16(rest[..end], text.GetPendingSpan(end), out _, out textLength, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    return false;
                }

                rest = rest[(end + 1)..];
            }
            else if (rest.StartsWith("\"streamType\":\""u8))
            {
                rest = rest["\"streamType\":\""u8.Length..];
                var end = rest.IndexOfAny(StringStopBytes);
                if (end < 0 || rest[end] != (byte)'"')
                {
                    return false;
                }

                streamType = Classify(rest[..end]);
                if (streamType == DecodedStreamType.Unknown)
                {
                    // Rare; the full path reports it.
                    return false;
                }

                rest = rest[(end + 1)..];
            }
            else
            {
                return false;
            }

            if (rest.Length > 0 && rest[0] == (byte)',')
            {
                rest = rest[1..];
                continue;
            }

            if (!rest.SequenceEqual("}}"u8))
            {
                return false;
            }

            decoded = DecodedEvent.Message(type, textLength, streamType);
            return true;
        }
    }

    /// <summary>
    /// Reads <c>{"message":{"type":1,"text":"...","streamType":"..."}}</c> in any property order, with any JSON
    /// white space and escapes; unknown properties are skipped.
    /// </summary>
    /// <param name="data">The event's data.</param>
    /// <param name="text">Where the text is decoded, pending.</param>
    /// <returns>The message, or <see cref="DecodedEventKind.Malformed"/> with the reason.</returns>
    public static DecodedEvent DecodeFull(ReadOnlySpan<byte> data, TextAccumulator text) =>
        DecodeFull(data, text, ProtocolReadBudget.DefaultReaderOptions);

    /// <summary>Reads any event's data with a <see cref="Utf8JsonReader"/> whose options cap the nesting.</summary>
    /// <param name="data">The event's data.</param>
    /// <param name="text">Where the text is decoded, pending.</param>
    /// <param name="options">The reader options.</param>
    /// <returns>What the event says.</returns>
    public static DecodedEvent DecodeFull(ReadOnlySpan<byte> data, TextAccumulator text, JsonReaderOptions options)
    {
        try
        {
            return ReadFull(data, text, options);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return DecodedEvent.Malformed("its data is not valid JSON (" + exception.Message + ")");
        }
    }

    private static DecodedEvent ReadFull(ReadOnlySpan<byte> data, TextAccumulator text, JsonReaderOptions options)
    {
        int? type = null;
        var textLength = 0;
        var streamType = DecodedStreamType.Absent;
        string? unknownStreamType = null;
        var sawMessage = false;

        var reader = new Utf8JsonReader(data, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return DecodedEvent.Malformed("its data is not a JSON object {\"message\": {...}}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return DecodedEvent.Malformed("its 'message' is not a JSON object.");
            }

            sawMessage = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        // A UTF-8 byte never decodes to more than one UTF-16 unit, and escapes shrink, so the raw length is enough room.
                        textLength = reader.CopyString(text.GetPendingSpan(reader.ValueSpan.Length));
                    }
                    else if (reader.TokenType == JsonTokenType.Null)
                    {
                        textLength = 0;
                    }
                    else
                    {
                        return DecodedEvent.Malformed($"its 'text' is {JsonReading.Describe(reader.TokenType)}; expected a string.");
                    }
                }
                else if (reader.ValueTextEquals("streamType"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        streamType = reader.ValueIsEscaped ? Classify(reader.GetString()!) : Classify(reader.ValueSpan);
                        unknownStreamType = streamType == DecodedStreamType.Unknown ? reader.GetString() : null;
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        return DecodedEvent.Malformed($"its 'streamType' is {JsonReading.Describe(reader.TokenType)}; expected a string.");
                    }
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        type = null;
                    }
                    else
                    {
                        type = JsonReading.ReadTypeNumber(ref reader);
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        // Anything after the object (a second value, stray text) makes the reader throw here.
        if (reader.Read())
        {
            return DecodedEvent.Malformed("its data holds more than one JSON value.");
        }

        return sawMessage
            ? DecodedEvent.Message(type, textLength, streamType, unknownStreamType)
            : DecodedEvent.Malformed("its data has no 'message' object.");
    }

    private static DecodedStreamType Classify(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("delta"u8) || Ascii.EqualsIgnoreCase(value, "delta"u8) ? DecodedStreamType.Delta
        : ChatbotWire.IsTerminalStreamType(value) ? DecodedStreamType.Terminal
        : DecodedStreamType.Unknown;

    private static DecodedStreamType Classify(string value) =>
        ChatbotWire.IsDeltaStreamType(value) ? DecodedStreamType.Delta
        : ChatbotWire.IsTerminalStreamType(value) ? DecodedStreamType.Terminal
        : DecodedStreamType.Unknown;
}

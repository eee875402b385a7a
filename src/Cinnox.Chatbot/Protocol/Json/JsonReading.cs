using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>Small, allocation-free helpers for reading protocol JSON.</summary>
internal static class JsonReading
{
    /// <summary>
    /// Reads a <c>type</c> value: a whole number, or a string holding one (the protocol's tables call some
    /// types "String" while every example sends numbers, so both are accepted).
    /// </summary>
    public static int? ReadTypeNumber(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var number) ? number : null;
            case JsonTokenType.String:
                if (!reader.HasValueSequence && !reader.ValueIsEscaped)
                {
                    var span = reader.ValueSpan.Trim(" \t"u8);
                    return Utf8Parser.TryParse(span, out int parsed, out var consumed) && consumed == span.Length ? parsed : null;
                }

                return int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Finds the <c>type</c> of the object the reader is positioned on, without moving the reader (it is
    /// copied). The object must be complete in the reader's buffer, which is guaranteed inside a custom converter.
    /// </summary>
    public static int? PeekTypeNumber(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isType = reader.ValueTextEquals("type"u8);
            if (!reader.Read())
            {
                return null;
            }

            if (isType)
            {
                return ReadTypeNumber(ref reader);
            }

            if (!reader.TrySkip())
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Gets the <c>type</c> number of an object kept as a <see cref="JsonElement"/>.</summary>
    public static int? GetTypeNumber(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type"u8, out var type))
        {
            return null;
        }

        return type.ValueKind switch
        {
            JsonValueKind.Number => type.TryGetInt32(out var number) ? number : null,
            JsonValueKind.String => int.TryParse(type.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            _ => null,
        };
    }

    /// <summary>Describes a token type for an error message.</summary>
    public static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => tokenType.ToString(),
    };
}

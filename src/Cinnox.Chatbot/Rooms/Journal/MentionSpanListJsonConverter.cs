using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Reads a message's mention spans (<c>[{"start":16,"length":4,"memberId":"bob"}]</c>) straight from the reader and
/// writes them exactly as the metadata does.
/// </summary>
/// <remarks>
/// <see cref="MentionSpan"/> is a struct built through its constructor: the metadata path boxes it and allocates the
/// constructor's argument state for every span, about 170 bytes each, more than the span itself. Replaying a room reads
/// one or more spans for every message that mentions anyone. Like the metadata, this reads property names as written
/// (camelCase), skips properties it does not know (such as the computed <c>isAll</c>) and treats a missing one as its
/// default.
/// </remarks>
internal sealed class MentionSpanListJsonConverter : JsonConverter<IReadOnlyList<MentionSpan>>
{
    private static readonly SeparateItemsJsonConverter<MentionSpan> Writer = new();

    /// <inheritdoc />
    public override IReadOnlyList<MentionSpan>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        List<MentionSpan>? spans = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            int start = 0, length = 0;
            string? memberId = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                Expect(ref reader, JsonTokenType.PropertyName);
                if (reader.ValueTextEquals("start"u8))
                {
                    start = ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("length"u8))
                {
                    length = ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("memberId"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        Expect(ref reader, JsonTokenType.String);
                        memberId = reader.GetString();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            (spans ??= new(1)).Add(new MentionSpan(start, length, memberId));
        }

        return spans is null ? [] : spans;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<MentionSpan> value, JsonSerializerOptions options) => Writer.Write(writer, value, options);

    private static int ReadInt32(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(ref reader, JsonTokenType.Number);
        return reader.TryGetInt32(out var value)
            ? value
            : throw new JsonException("A mention span's start and length are 32-bit integers.");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Expected {expected} in a message's mention spans, found {reader.TokenType}.");
        }
    }
}

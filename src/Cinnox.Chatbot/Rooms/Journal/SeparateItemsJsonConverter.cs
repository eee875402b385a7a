using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Reads a list property of a stored event item by item, each in a read of its own, so the enclosing read never goes
/// deeper than one level (see <see cref="SeparateJsonConverter{T}"/> for why); writes it exactly as the metadata does.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SeparateItemsJsonConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    /// <inheritdoc />
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array of {typeof(T).Name}, found {reader.TokenType}.");
        }

        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        List<T>? items = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            (items ??= new(1)).Add(JsonSerializer.Deserialize(ref reader, itemInfo)!);
        }

        return items is null ? [] : items;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, itemInfo);
        }

        writer.WriteEndArray();
    }
}

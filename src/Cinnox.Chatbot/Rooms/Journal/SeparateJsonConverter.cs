using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Reads and writes an object property of a stored event exactly as the source-generated metadata does, but in a
/// read of its own, so the enclosing read never goes deeper than one level.
/// </summary>
/// <typeparam name="T">The property's type.</typeparam>
/// <remarks>
/// System.Text.Json keeps the state of a nested read on a stack that it allocates on the heap once a read goes two levels
/// deep (about 500 bytes for four frames), once per call. Replaying a room deserialises every event on its own, so that
/// stack was a fifth of what a replay allocated. A converter of the value kind runs inside the enclosing frame, and the
/// read it starts begins with a fresh stack of one frame, which lives on the thread's stack. The JSON is unchanged:
/// both directions use the metadata the options already have for <typeparamref name="T"/>.
/// </remarks>
internal sealed class SeparateJsonConverter<T> : JsonConverter<T>
    where T : class
{
    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, TypeInfo(options));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TypeInfo(options));

    private static JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

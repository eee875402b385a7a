using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// The <c>message.type</c> number of a reply: <see cref="Text"/> (1), <see cref="Advanced"/> (5), or a
/// value this SDK does not know yet, which survives a round trip.
/// </summary>
[DebuggerDisplay("{Value}")]
[JsonConverter(typeof(Converter))]
public readonly struct ChatbotMessageType : IEquatable<ChatbotMessageType>
{
    /// <summary>Initializes a new instance with a type number.</summary>
    /// <param name="value">The number sent in <c>message.type</c>.</param>
    public ChatbotMessageType(int value) => Value = value;

    /// <summary>Gets the text message type (1).</summary>
    public static ChatbotMessageType Text { get; } = new(1);

    /// <summary>Gets the advanced message type (5).</summary>
    public static ChatbotMessageType Advanced { get; } = new(5);

    /// <summary>Gets the type number.</summary>
    public int Value { get; }

    /// <summary>Compares two types for equality.</summary>
    /// <param name="left">The first type.</param>
    /// <param name="right">The second type.</param>
    /// <returns><see langword="true"/> when both have the same number.</returns>
    public static bool operator ==(ChatbotMessageType left, ChatbotMessageType right) => left.Equals(right);

    /// <summary>Compares two types for inequality.</summary>
    /// <param name="left">The first type.</param>
    /// <param name="right">The second type.</param>
    /// <returns><see langword="true"/> when the numbers differ.</returns>
    public static bool operator !=(ChatbotMessageType left, ChatbotMessageType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ChatbotMessageType other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChatbotMessageType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Returns the type number as text.</summary>
    /// <returns>The number, such as <c>1</c>.</returns>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads and writes a <see cref="ChatbotMessageType"/> as a JSON number (a numeric string is read too).</summary>
    public sealed class Converter : JsonConverter<ChatbotMessageType>
    {
        /// <inheritdoc />
        public override ChatbotMessageType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonReading.ReadTypeNumber(ref reader) ?? throw new JsonException("A message type must be a whole number."));

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, ChatbotMessageType value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }
}

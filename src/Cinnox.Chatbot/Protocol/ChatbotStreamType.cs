using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// The <c>streamType</c> of a streamed text event (docs/protocol.md#streaming-replies): <see cref="Delta"/> appends its text,
/// the terminal values (<see cref="Full"/>, <see cref="Final"/>, <see cref="Done"/>, <see cref="End"/>,
/// <see cref="Complete"/>) carry the whole message. Values compare case-insensitively; unknown values
/// survive a round trip and are treated as <see cref="Delta"/> by the reader.
/// </summary>
[DebuggerDisplay("{Value}")]
[JsonConverter(typeof(Converter))]
public readonly struct ChatbotStreamType : IEquatable<ChatbotStreamType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="value">The <c>streamType</c> text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ChatbotStreamType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>delta</c>: the event's text is appended to the message.</summary>
    public static ChatbotStreamType Delta { get; } = new("delta");

    /// <summary>Gets <c>full</c>: the event carries the whole message.</summary>
    public static ChatbotStreamType Full { get; } = new("full");

    /// <summary>Gets <c>final</c>: the event carries the whole message and ends it.</summary>
    public static ChatbotStreamType Final { get; } = new("final");

    /// <summary>Gets <c>done</c>: the event carries the whole message and ends it.</summary>
    public static ChatbotStreamType Done { get; } = new("done");

    /// <summary>Gets <c>end</c>: the event carries the whole message and ends it.</summary>
    public static ChatbotStreamType End { get; } = new("end");

    /// <summary>Gets <c>complete</c>: the event carries the whole message and ends it.</summary>
    public static ChatbotStreamType Complete { get; } = new("complete");

    /// <summary>Gets the <c>streamType</c> text.</summary>
    public string Value => _value ?? Delta._value!;

    /// <summary>Gets a value indicating whether this is <c>delta</c> (case-insensitive).</summary>
    public bool IsDelta => ChatbotWire.IsDeltaStreamType(Value);

    /// <summary>
    /// Gets a value indicating whether the event carries the whole message and completes it:
    /// <c>full</c>, <c>final</c>, <c>done</c>, <c>end</c> or <c>complete</c> (case-insensitive).
    /// </summary>
    public bool IsTerminal => IsTerminalValue(Value.AsSpan());

    /// <summary>Gets a value indicating whether the value is one this SDK knows.</summary>
    public bool IsKnown => IsDelta || IsTerminal;

    /// <summary>Compares two stream types case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are the same, ignoring case.</returns>
    public static bool operator ==(ChatbotStreamType left, ChatbotStreamType right) => left.Equals(right);

    /// <summary>Compares two stream types case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ, ignoring case.</returns>
    public static bool operator !=(ChatbotStreamType left, ChatbotStreamType right) => !left.Equals(right);

    /// <summary>Determines whether a <c>streamType</c> text is one of the terminal values.</summary>
    /// <param name="value">The text, compared case-insensitively.</param>
    /// <returns><see langword="true"/> for <c>full</c>, <c>final</c>, <c>done</c>, <c>end</c> and <c>complete</c>.</returns>
    public static bool IsTerminalValue(ReadOnlySpan<char> value) => ChatbotWire.IsTerminalStreamType(value);

    /// <inheritdoc />
    public bool Equals(ChatbotStreamType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChatbotStreamType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the <c>streamType</c> text.</summary>
    /// <returns>The value, such as <c>delta</c>.</returns>
    public override string ToString() => Value;

    /// <summary>Reads and writes a <see cref="ChatbotStreamType"/> as a JSON string.</summary>
    public sealed class Converter : JsonConverter<ChatbotStreamType>
    {
        /// <inheritdoc />
        public override ChatbotStreamType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("streamType must be a string.");
            }

            return new ChatbotStreamType(reader.GetString()!);
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, ChatbotStreamType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}

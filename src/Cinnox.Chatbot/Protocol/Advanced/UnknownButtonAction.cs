using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A button action whose <c>type</c> this SDK does not know. It is kept whole and written back unchanged,
/// and validation reports it as a warning.
/// </summary>
public sealed class UnknownButtonAction : ButtonAction
{
    /// <summary>Initializes a new instance around the action object as it was received.</summary>
    /// <param name="raw">The whole action object.</param>
    public UnknownButtonAction(JsonElement raw)
        : base(JsonReading.GetTypeNumber(raw) ?? 0)
    {
        Raw = raw.Clone();
        TypeNumber = JsonReading.GetTypeNumber(Raw);
    }

    /// <summary>Gets the <c>type</c> as it was received (<see cref="Type"/> is 0 when it is missing), or <see langword="null"/> when it was missing or not a number.</summary>
    [JsonIgnore]
    public int? TypeNumber { get; }

    /// <summary>Gets the whole action object as it was received.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}

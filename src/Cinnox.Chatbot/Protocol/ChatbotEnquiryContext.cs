using System.Collections.Frozen;

namespace Cinnox.Chatbot;

/// <summary>
/// The optional context metadata CINNOX may add to a request about where an enquiry came from and who
/// the visitor is (docs/protocol.md#request). Every field is optional; a bot must not rely on any being present.
/// </summary>
/// <remarks>
/// In the current request format these are written as top-level string fields, each omitted when unknown.
/// The server toolkit reads them at the top level and inside a nested <c>"context"</c> object.
/// </remarks>
public sealed class ChatbotEnquiryContext
{
    private static readonly string[] Names =
    [
        "tagType", "tagId", "tagName", "channelType", "channelId", "channelName",
        "channelSourceName", "channelPhoneNumber", "visitorName", "visitorPhone", "omniType",
    ];

    private static readonly FrozenDictionary<string, int> Slots =
        Names.Select((name, index) => KeyValuePair.Create(name, index)).ToFrozenDictionary(StringComparer.Ordinal);

    private readonly string?[] _values = new string?[Names.Length];

    /// <summary>Gets the JSON names of the context fields, in the order they are written.</summary>
    public static IReadOnlyList<string> FieldNames => Names;

    /// <summary>Gets or sets <c>tagType</c>: the kind of tag the enquiry came through.</summary>
    public string? TagType { get => _values[0]; set => _values[0] = value; }

    /// <summary>Gets or sets <c>tagId</c>: the id of the tag the enquiry came through.</summary>
    public string? TagId { get => _values[1]; set => _values[1] = value; }

    /// <summary>Gets or sets <c>tagName</c>: the name of the tag the enquiry came through.</summary>
    public string? TagName { get => _values[2]; set => _values[2] = value; }

    /// <summary>Gets or sets <c>channelType</c>: the kind of channel the enquiry came from.</summary>
    public string? ChannelType { get => _values[3]; set => _values[3] = value; }

    /// <summary>Gets or sets <c>channelId</c>: the id of the channel.</summary>
    public string? ChannelId { get => _values[4]; set => _values[4] = value; }

    /// <summary>Gets or sets <c>channelName</c>: the name of the channel.</summary>
    public string? ChannelName { get => _values[5]; set => _values[5] = value; }

    /// <summary>Gets or sets <c>channelSourceName</c>: the source the channel belongs to.</summary>
    public string? ChannelSourceName { get => _values[6]; set => _values[6] = value; }

    /// <summary>Gets or sets <c>channelPhoneNumber</c>: the phone number of the channel, for voice and SMS channels.</summary>
    public string? ChannelPhoneNumber { get => _values[7]; set => _values[7] = value; }

    /// <summary>Gets or sets <c>visitorName</c>: the visitor's display name.</summary>
    public string? VisitorName { get => _values[8]; set => _values[8] = value; }

    /// <summary>Gets or sets <c>visitorPhone</c>: the visitor's phone number.</summary>
    public string? VisitorPhone { get => _values[9]; set => _values[9] = value; }

    /// <summary>Gets or sets <c>omniType</c>: the omni-channel type, for enquiries from external channels.</summary>
    public string? OmniType { get => _values[10]; set => _values[10] = value; }

    /// <summary>Gets a value indicating whether no field is set.</summary>
    public bool IsEmpty => Array.TrueForAll(_values, static value => value is null);

    /// <summary>Gets or sets a field by its JSON name, such as <c>visitorName</c>.</summary>
    /// <param name="fieldName">One of <see cref="FieldNames"/> (case-sensitive, as on the wire).</param>
    /// <returns>The value, or <see langword="null"/> when unset.</returns>
    /// <exception cref="ArgumentException"><paramref name="fieldName"/> is not a context field.</exception>
    public string? this[string fieldName]
    {
        get => _values[SlotOf(fieldName)];
        set => _values[SlotOf(fieldName)] = value;
    }

    /// <summary>Determines whether a name is one of the context fields.</summary>
    /// <param name="fieldName">The JSON name to check (case-sensitive).</param>
    /// <returns><see langword="true"/> when it is one of <see cref="FieldNames"/>.</returns>
    public static bool IsFieldName(string fieldName) => fieldName is not null && Slots.ContainsKey(fieldName);

    /// <summary>Gets the fields that are set, by JSON name, in protocol order.</summary>
    /// <returns>The set fields.</returns>
    public IEnumerable<KeyValuePair<string, string>> GetFields()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (_values[i] is { } value)
            {
                yield return KeyValuePair.Create(Names[i], value);
            }
        }
    }

    /// <summary>Creates a copy of this context.</summary>
    /// <returns>A new instance with the same values.</returns>
    public ChatbotEnquiryContext Clone()
    {
        var copy = new ChatbotEnquiryContext();
        Array.Copy(_values, copy._values, _values.Length);
        return copy;
    }

    internal static int TryGetSlot(ReadOnlySpan<char> fieldName) =>
        Slots.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(fieldName, out var slot) ? slot : -1;

    internal static int SlotCount => Names.Length;

    internal static string SlotName(int slot) => Names[slot];

    internal string? GetSlot(int slot) => _values[slot];

    internal void SetSlot(int slot, string? value) => _values[slot] = value;

    private static int SlotOf(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        return Slots.TryGetValue(fieldName, out var slot)
            ? slot
            : throw new ArgumentException(
                $"'{fieldName}' is not a context field. Use one of: {string.Join(", ", Names)}.", nameof(fieldName));
    }
}

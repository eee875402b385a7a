using System.Globalization;
using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// docs/protocol.md#hostile-bots: what one reading of a message may build, counted while reading so that a body within the size limits
/// cannot become a gigabyte of objects. Exceeding a cap throws a <see cref="ProtocolReadException"/> that names the
/// limit and the path where it was crossed. One instance per message; not thread-safe.
/// </summary>
internal sealed class ProtocolReadBudget
{
    private static readonly ChatbotLimits Defaults = new();

    private readonly int _maxContainers;
    private readonly int _maxItems;
    private readonly int _maxUnknownBytes;
    private int _containers;
    private int _items;
    private long _unknownBytes;

    /// <summary>Initializes a new instance with the caps of <paramref name="limits"/>.</summary>
    public ProtocolReadBudget(ChatbotLimits limits)
    {
        _maxContainers = limits.MaxAdvancedContainers;
        _maxItems = limits.MaxAdvancedItems;
        _maxUnknownBytes = limits.MaxUnknownPayloadBytes;
    }

    /// <summary>Creates a budget with the default caps.</summary>
    public static ProtocolReadBudget CreateDefault() => new(Defaults);

    /// <summary>Gets the reader options with the default nesting cap.</summary>
    public static JsonReaderOptions DefaultReaderOptions { get; } = ReaderOptions(Defaults);

    /// <summary>Gets reader options that stop at the nesting cap of <paramref name="limits"/>.</summary>
    public static JsonReaderOptions ReaderOptions(ChatbotLimits limits) => new() { MaxDepth = limits.MaxJsonDepth };

    /// <summary>Counts one advanced container (carousel bubbles and unknown containers included).</summary>
    public void CountContainer()
    {
        if (++_containers > _maxContainers)
        {
            throw ProtocolReadException.Limit(string.Create(CultureInfo.InvariantCulture,
                $"is one container more than the {_maxContainers:N0} a message may hold ({nameof(ChatbotLimits)}.{nameof(ChatbotLimits.MaxAdvancedContainers)})"));
        }
    }

    /// <summary>Counts one advanced item (a button's own items and unknown items included).</summary>
    public void CountItem()
    {
        if (++_items > _maxItems)
        {
            throw ProtocolReadException.Limit(string.Create(CultureInfo.InvariantCulture,
                $"is one item more than the {_maxItems:N0} a message may hold ({nameof(ChatbotLimits)}.{nameof(ChatbotLimits.MaxAdvancedItems)})"));
        }
    }

    /// <summary>
    /// Keeps the value the reader is on as it is (an unknown node, or the value of an unknown property whose name took
    /// <paramref name="nameBytes"/>), after checking that its bytes fit in what is left of the unknown-payload cap.
    /// </summary>
    public JsonElement KeepUnknown(ref Utf8JsonReader reader, int nameBytes = 0)
    {
        var probe = reader;
        var start = probe.TokenStartIndex;
        if (probe.TrySkip())
        {
            Spend(probe.BytesConsumed - start + nameBytes);
            return JsonElement.ParseValue(ref reader);
        }

        // The value is not all in the buffer (only when a serializer streams); measure it once it is kept.
        var value = JsonElement.ParseValue(ref reader);
        Spend(reader.BytesConsumed - start + nameBytes);
        return value;
    }

    private void Spend(long bytes)
    {
        _unknownBytes += bytes;
        if (_unknownBytes > _maxUnknownBytes)
        {
            throw ProtocolReadException.Limit(string.Create(CultureInfo.InvariantCulture,
                $"takes the unknown content kept as it is past {_maxUnknownBytes:N0} bytes ({nameof(ChatbotLimits)}.{nameof(ChatbotLimits.MaxUnknownPayloadBytes)})"));
        }
    }
}

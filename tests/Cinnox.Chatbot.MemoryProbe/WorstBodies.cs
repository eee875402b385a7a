using System.Globalization;
using System.Text;

namespace Cinnox.Chatbot.MemoryProbe;

/// <summary>
/// The costliest reply bodies within the default 4 MB response limit: each packs as many of the smallest nodes a
/// reader might build as fit, or one shape a reader might hold at length.
/// </summary>
public static class WorstBodies
{
    /// <summary>The largest body any case makes: the default response limit.</summary>
    public const int MaxBytes = ChatbotLimits.DefaultMaxResponseBytes;

    /// <summary>Gets the names of every case.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "json-empty-containers",
        "json-typed-bubbles",
        "json-empty-items",
        "json-text-items",
        "json-unknown-properties",
        "json-unknown-message",
        "json-nested-arrays",
        "json-long-text",
        "json-every-cap-filled",
        "sse-tiny-deltas",
        "sse-malformed-events",
        "sse-large-deltas",
    ];

    /// <summary>Makes a case's body and its media type.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The body, at most <see cref="MaxBytes"/> bytes.</returns>
    /// <exception cref="ArgumentException">The name is not a case.</exception>
    public static (byte[] Body, string MediaType) Create(string name) => name switch
    {
        "json-empty-containers" => Json(Advanced("{}")),
        "json-typed-bubbles" => Json(Advanced("{\"type\":1}")),
        "json-empty-items" => Json(Advanced("{\"type\":1,\"items\":[", "{}", "]}")),
        "json-text-items" => Json(Advanced("{\"type\":1,\"items\":[", "{\"type\":9,\"text\":\"a\"}", "]}")),
        "json-unknown-properties" => Json(Message("{\"type\":1,\"text\":\"a\"", i => string.Create(CultureInfo.InvariantCulture, $",\"p{i}\":0"), "}")),
        "json-unknown-message" => Json(Message("{\"type\":7,\"payload\":[", i => i == 0 ? "0" : ",0", "]}")),
        "json-nested-arrays" => Json(Message("{\"type\":1,\"text\":\"a\",\"deep\":[", i => (i == 0 ? "" : ",") + new string('[', 60) + new string(']', 60), "]}")),
        "json-every-cap-filled" => Json(EveryCapFilled()),
        "json-long-text" => Json("{\"message\":{\"type\":1,\"text\":\"" + new string('a', MaxBytes - 40) + "\"}}"),
        "sse-tiny-deltas" => Sse("data: {\"message\":{\"type\":1,\"text\":\"a\",\"streamType\":\"delta\"}}\n\n"),
        "sse-malformed-events" => Sse("data: {\n\n"),
        "sse-large-deltas" => Sse("data: {\"message\":{\"type\":1,\"text\":\"" + new string('a', 1_000_000) + "\",\"streamType\":\"delta\"}}\n\n"),
        _ => throw new ArgumentException($"'{name}' is not a case; use one of {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// As much as the default caps let a reader build: 256 bubbles holding 1,024 text items whose text fills the body,
    /// and just under 1 MB of small unknown properties.
    /// </summary>
    private static string EveryCapFilled()
    {
        const int Containers = ChatbotLimits.DefaultMaxAdvancedContainers;
        const int ItemsPerContainer = ChatbotLimits.DefaultMaxAdvancedItems / Containers;
        var unknown = new StringBuilder();
        for (var i = 0; unknown.Length < ChatbotLimits.DefaultMaxUnknownPayloadBytes - 64; i++)
        {
            unknown.Append(CultureInfo.InvariantCulture, $",\"p{i}\":0");
        }

        var textLength = (MaxBytes - unknown.Length - 200 - (Containers * ItemsPerContainer * 24) - (Containers * 24)) / (Containers * ItemsPerContainer);
        var item = "{\"type\":9,\"text\":\"" + new string('a', textLength) + "\"}";
        var bubble = "{\"type\":1,\"items\":[" + string.Join(',', Enumerable.Repeat(item, ItemsPerContainer)) + "]}";
        return "{\"message\":{\"type\":5,\"advanced\":\"AdvancedMessage\"" + unknown +
            ",\"advancedItems\":[" + string.Join(',', Enumerable.Repeat(bubble, Containers)) + "]}}";
    }

    private static string Advanced(string container) => Advanced(string.Empty, container, string.Empty);

    /// <summary>An advanced message whose containers (or one container's items) repeat until the body is full.</summary>
    private static string Advanced(string open, string node, string close) =>
        Message("{\"type\":5,\"advanced\":\"AdvancedMessage\",\"advancedItems\":[" + open, i => (i == 0 ? "" : ",") + node, close + "]}");

    private static string Message(string open, Func<int, string> part, string close)
    {
        const string Prefix = "{\"message\":";
        const string Suffix = "}";
        var text = new StringBuilder(MaxBytes).Append(Prefix).Append(open);
        var room = MaxBytes - close.Length - Suffix.Length;
        for (var i = 0; ; i++)
        {
            var next = part(i);
            if (text.Length + next.Length > room)
            {
                break;
            }

            text.Append(next);
        }

        return text.Append(close).Append(Suffix).ToString();
    }

    private static (byte[], string) Json(string body) => (Encoding.UTF8.GetBytes(body), "application/json");

    private static (byte[], string) Sse(string oneEvent)
    {
        var text = new StringBuilder(MaxBytes);
        while (text.Length + oneEvent.Length <= MaxBytes)
        {
            text.Append(oneEvent);
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), "text/event-stream");
    }
}

using System.Text.Json;

namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>
/// Reads the page's <c>POST /api/send</c> body:
/// <c>{"query","externalChannel","legacy","stream","inquiryId","context":{..},"headers":{..}}</c>.
/// </summary>
internal static class PlaygroundTurnReader
{
    /// <summary>The largest body the page may send.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Reads a turn, or returns the problem with it.</summary>
    public static (PlaygroundTurn? Turn, string? Problem) Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                return (null, "The body needs a string 'query'.");
            }

            var turn = new PlaygroundTurn
            {
                Query = query.GetString()!,
                ExternalChannel = Flag(root, "externalChannel", false),
                Legacy = Flag(root, "legacy", false),
                Stream = Flag(root, "stream", true),
                InquiryId = root.TryGetProperty("inquiryId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 0 ? id.GetString() : null,
            };
            Pairs(root, "context", turn.Context);
            Pairs(root, "headers", turn.Headers);
            return (turn, null);
        }
        catch (JsonException exception)
        {
            return (null, "The body is not JSON: " + exception.Message);
        }
    }

    private static bool Flag(JsonElement root, string name, bool fallback) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    private static void Pairs(JsonElement root, string name, List<KeyValuePair<string, string>> target)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    target.Add(KeyValuePair.Create(property.Name, property.Value.GetString()!));
                }
            }
        }
    }
}

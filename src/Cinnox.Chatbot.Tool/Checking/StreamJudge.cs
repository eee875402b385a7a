using System.Globalization;
using System.Text.Json;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>Judges a streamed reply on the wire (docs/protocol.md#streaming-replies): its headers, its framing and how it ends.</summary>
internal static class StreamJudge
{
    /// <summary>Judges <paramref name="exchange"/>, a 2xx reply with an event stream.</summary>
    public static void Judge(ChatbotReply reply, WireExchange exchange, Action<CheckRule, string, string?, CheckSeverity?> add)
    {
        var contentType = exchange.ResponseHeader("Content-Type");
        if (!ReplyJudge.IsEventStream(contentType))
        {
            add(CheckRules.ReplyContentType, $"The stream says Content-Type: {contentType ?? "(none)"}; say text/event-stream.", null, null);
        }

        var missing = new List<string>();
        var cacheControl = exchange.ResponseHeader("Cache-Control") ?? string.Empty;
        if (!cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase) && !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            missing.Add("Cache-Control: no-cache");
        }

        if (!string.Equals(exchange.ResponseHeader("X-Accel-Buffering")?.Trim(), "no", StringComparison.OrdinalIgnoreCase))
        {
            missing.Add("X-Accel-Buffering: no");
        }

        if (missing.Count > 0)
        {
            add(CheckRules.StreamAntiBuffering, $"The stream lacks {string.Join(" and ", missing)}; a proxy may hold events back and visitors see the text late, all at once.", null, null);
        }

        // Framing is judged on the whole body only: a body cut short by a limit is judged by that limit.
        var body = exchange.Body;
        if (!exchange.BodyEnded || body.Length != exchange.BodyBytesRead)
        {
            return;
        }

        var scan = SseScan.Parse(body.Span);
        if (scan.BadLines.Count > 0)
        {
            add(CheckRules.StreamFraming, $"Lines that are not SSE fields are ignored by the platform, and what they carry is lost: '{scan.BadLines[0]}'. Write each event as 'data: <json>' followed by a blank line.", null, null);
        }

        if (scan.Unterminated)
        {
            add(CheckRules.StreamFraming, "The stream ends inside an event (no blank line after it), so SSE readers drop that event; end every event with a blank line.", null, null);
        }

        if (reply.Outcome == ChatbotOutcome.Completed && !scan.Frames.Any(IsTerminal))
        {
            var largest = scan.Frames.Count == 0 ? 0 : scan.Frames.Max(frame => frame.Length);
            add(CheckRules.StreamTerminal,
                $"The stream of {scan.Frames.Count.ToString(CultureInfo.InvariantCulture)} events (largest {largest.ToString("N0", CultureInfo.InvariantCulture)} bytes) ends without a final event or data: [DONE]; the platform has to wait for the connection to close to know the reply is whole.",
                null, null);
        }
    }

    private static bool IsTerminal(SseFrame frame)
    {
        if (frame.Data is not { } data || !string.Equals(frame.EventName, "message", StringComparison.Ordinal))
        {
            return false;
        }

        if (data.Trim() == "[DONE]")
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.Object
                && (!message.TryGetProperty("streamType", out var type) || (type.ValueKind == JsonValueKind.String && ChatbotStreamType.IsTerminalValue(type.GetString())));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

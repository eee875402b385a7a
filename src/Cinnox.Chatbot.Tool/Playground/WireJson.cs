using System.Text;
using System.Text.Json;
using Cinnox.Chatbot.Tool.Checking;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>
/// Writes what the wire inspector shows: the request (secret header values masked), the response head, each SSE event
/// with its time offset and size, how much of each limit the reply used, and the checker's verdict on the reply.
/// </summary>
internal static class WireJson
{
    private const int ExcerptChars = 2000;

    public static void Write(Utf8JsonWriter writer, WireExchange? exchange, ChatbotReply reply, ChatbotLimits limits, IReadOnlyList<CheckFinding> verdict)
    {
        writer.WriteStartObject("wire");
        if (exchange is not null)
        {
            writer.WriteStartObject("request");
            writer.WriteString("method", exchange.Method);
            writer.WriteString("url", exchange.Url.AbsoluteUri);
            Headers(writer, exchange.RequestHeaders, mask: true);
            writer.WriteString("body", Encoding.UTF8.GetString(exchange.RequestBody));
            writer.WriteEndObject();

            writer.WriteStartObject("response");
            if (exchange.StatusCode is { } status)
            {
                writer.WriteNumber("status", status);
            }

            Headers(writer, exchange.ResponseHeaders, mask: false);
            Events(writer, exchange);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("limits");
        var largestEvent = exchange is null || !ReplyJudge.IsEventStream(exchange.ResponseHeader("Content-Type"))
            ? 0
            : SseScan.Parse(exchange.Body.Span).Frames.Select(frame => frame.Length).DefaultIfEmpty(0).Max();
        Limit(writer, "event", largestEvent, limits.MaxEventBytes);
        Limit(writer, "response", reply.BytesRead, limits.MaxResponseBytes);
        Limit(writer, "time", (long)reply.Timings.Total.TotalMilliseconds, (long)limits.TotalResponseTime.TotalMilliseconds);
        writer.WriteEndObject();

        writer.WriteStartArray("verdict");
        foreach (var finding in verdict)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule.Id);
            writer.WriteString("severity", finding.Severity == CheckSeverity.Error ? "error" : "warning");
            writer.WriteString("message", finding.Message);
            writer.WriteString("path", finding.Path);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Headers(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> headers, bool mask)
    {
        writer.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(name);
            writer.WriteStringValue(mask && CurlCommand.IsSecret(name) ? $"•••••• ({value.Length} characters, masked)" : value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void Events(Utf8JsonWriter writer, WireExchange exchange)
    {
        var body = exchange.Body;
        if (!ReplyJudge.IsEventStream(exchange.ResponseHeader("Content-Type")))
        {
            var text = Encoding.UTF8.GetString(body.Span);
            writer.WriteString("body", text.Length > ExcerptChars ? text[..ExcerptChars] + "…" : text);
            return;
        }

        writer.WriteStartArray("events");
        foreach (var frame in SseScan.Parse(body.Span).Frames)
        {
            writer.WriteStartObject();
            var at = exchange.ArrivalOf(frame.Offset + frame.Length - 1);
            writer.WriteNumber("atMs", (long)(at?.TotalMilliseconds ?? 0));
            writer.WriteNumber("bytes", frame.Length);
            writer.WriteString("event", frame.EventName);
            var data = frame.Data ?? "(comment)";
            writer.WriteString("data", data.Length > 300 ? data[..300] + "…" : data);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Limit(Utf8JsonWriter writer, string name, long used, long limit)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("used", used);
        writer.WriteNumber("limit", limit);
        writer.WriteEndObject();
    }
}

using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// A catalogue of ways a hostile or broken bot can answer, one per point of failure of an HTTP/1.1 exchange:
/// the connection, the status line, the headers, a redirect, the body, and each Server-Sent-Events field.
/// </summary>
/// <remarks>
/// Each response is written for a JSON or an event-stream reply (the <c>json</c> argument), so every fault is tried
/// with both parsers. The limits of <see cref="ClientFactory"/> (2 KB events, 64 KB responses) apply.
/// </remarks>
internal static class HostileResponses
{
    /// <summary>The name of the fault that has nobody listening at all.</summary>
    public const string ConnectionRefused = "connect/refused";

    private const string JsonBody = "{\"message\":{\"type\":1,\"text\":\"hello\"}}";
    private const string SseBody = "data: {\"message\":{\"type\":1,\"text\":\"hel\",\"streamType\":\"delta\"}}\n\ndata: {\"message\":{\"type\":1,\"text\":\"lo\",\"streamType\":\"delta\"}}\n\n";

    /// <summary>Gets every fault by name; <see cref="ConnectionRefused"/> has no response.</summary>
    public static IReadOnlyDictionary<string, Func<RawHttpExchange, bool, Task>?> All { get; } = Build();

    private static Dictionary<string, Func<RawHttpExchange, bool, Task>?> Build()
    {
        var faults = new Dictionary<string, Func<RawHttpExchange, bool, Task>?>(StringComparer.Ordinal)
        {
            [ConnectionRefused] = null,
            ["connect/reset-before-answering"] = (exchange, _) => Abort(exchange),
            ["connect/close-before-answering"] = (_, _) => Task.CompletedTask,

            ["status/garbage"] = Raw("HELLO WORLD\r\n\r\n"),
            ["status/not-a-number"] = (exchange, json) => Send(exchange, "HTTP/1.1 abc OK\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["status/unknown-version"] = (exchange, json) => Send(exchange, "HTTP/9.9 200 OK\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["status/cut-then-close"] = Raw("HTTP/1.1 20"),
            ["status/cut-then-reset"] = (exchange, _) => SendThenAbort(exchange, "HTTP/1.1 200 O"),
            ["status/out-of-range"] = (exchange, json) => Send(exchange, "HTTP/1.1 999 Odd\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["status/informational-only"] = Raw("HTTP/1.1 100 Continue\r\n\r\n"),
            ["status/nul-in-reason"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 O\0K\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["status/no-reason-phrase"] = (exchange, json) => Send(exchange, "HTTP/1.1 200\r\n" + Headers(json) + "\r\n" + Body(json)),

            ["headers/line-without-colon"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nBadHeader\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["headers/space-in-name"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nBad Header: x\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["headers/cut-then-close"] = Raw("HTTP/1.1 200 OK\r\nContent-Ty"),
            ["headers/cut-then-reset"] = (exchange, _) => SendThenAbort(exchange, "HTTP/1.1 200 OK\r\nContent-Type: text/ev"),
            ["headers/content-length-not-a-number"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Content-Length: abc\r\n\r\n" + Body(json)),
            ["headers/two-content-lengths"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Content-Length: 5\r\nContent-Length: 7\r\n\r\n" + Body(json)),
            ["headers/negative-content-length"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Content-Length: -1\r\n\r\n" + Body(json)),
            ["headers/content-length-and-chunked"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n" + Chunked(Body(json))),
            ["headers/unknown-transfer-coding"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Transfer-Encoding: gzip, chunked\r\n\r\n" + Chunked(Body(json))),
            ["headers/one-huge-header"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nX-Big: " + new string('x', 100_000) + "\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["headers/many-headers"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"X-H{i}: v\r\n")) + Headers(json) + "\r\n" + Body(json)),
            ["headers/garbage-content-type"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nContent-Type: ;;;===\r\nConnection: close\r\n\r\n" + Body(json)),
            ["headers/unknown-charset"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nContent-Type: " + (json ? "application/json" : "text/event-stream") + "; charset=utf-7\r\nConnection: close\r\n\r\n" + Body(json)),
            ["headers/obsolete-line-folding"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nX-A: a\r\n continued\r\n" + Headers(json) + "\r\n" + Body(json)),
            ["headers/bare-lf-line-ends"] = (exchange, json) => Send(exchange, ("HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n").Replace("\r\n", "\n", StringComparison.Ordinal) + Body(json)),
            ["headers/content-encoding"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n" + Headers(json) + "\r\n" + Body(json)),

            ["redirect/file"] = Redirect(302, "file:///etc/passwd"),
            ["redirect/javascript"] = Redirect(307, "javascript:alert(1)"),
            ["redirect/data"] = Redirect(308, "data:text/plain,hello"),
            ["redirect/urn"] = Redirect(301, "urn:isbn:0451450523"),
            ["redirect/unparsable"] = Redirect(307, "http://[::1"),
            ["redirect/no-location"] = Raw("HTTP/1.1 307 Temporary Redirect\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
            ["redirect/huge-location"] = Redirect(307, "/" + new string('a', 20_000)),
            ["redirect/loop-to-itself"] = Redirect(307, "/bot"),
            ["redirect/other-origin"] = Redirect(302, "http://127.0.0.1:1/bot"),
            ["redirect/see-other-same-origin"] = Redirect(303, "/bot"),

            ["body/content-length-cut-then-close"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Content-Length: 500\r\n\r\n" + Body(json)[..20]),
            ["body/cut-then-reset"] = (exchange, json) => SendThenAbort(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + Body(json)[..20]),
            ["body/bad-chunk-size"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + Body(json)),
            ["body/huge-chunk-size"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n" + Body(json)),
            ["body/chunked-without-end"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Transfer-Encoding: chunked\r\n\r\n" + Chunked(Body(json))[..^5]),
            ["body/chunk-cut"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Transfer-Encoding: chunked\r\n\r\n100\r\n" + Body(json)[..10]),
            ["body/invalid-utf8"] = (exchange, json) => SendBytes(exchange, Headers(json), Utf8With(Body(json), [0xFF, 0xFE, 0xC0, 0x80])),
            ["body/nul-bytes"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + Body(json).Replace("hel", "h\0l", StringComparison.Ordinal)),
            ["body/bom-only"] = (exchange, json) => SendBytes(exchange, Headers(json), [0xEF, 0xBB, 0xBF]),
            ["body/empty"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + ContentType(json) + "Content-Length: 0\r\n\r\n"),
            ["body/deep-nesting"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + (json ? "" : "data: ") + "{\"message\":" + new string('[', 30_000) + (json ? "" : "\n\n")),
            ["body/too-large"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + (json ? "{\"message\":{\"type\":1,\"text\":\"" + new string('a', 70_000) + "\"}}" : string.Concat(Enumerable.Repeat(Body(false), 400)))),
            ["body/trailing-garbage"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + Body(json) + "}}}garbage"),
            ["body/binary-noise"] = (exchange, json) => SendBytes(exchange, Headers(json), Noise(5000)),
            ["body/many-empty-containers"] = (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + (json ? "" : "data: ") + "{\"message\":{\"type\":5,\"advanced\":\"AdvancedMessage\",\"advancedItems\":[" + string.Join(',', Enumerable.Repeat("{}", 600)) + "]}}" + (json ? "" : "\n\n")),

            ["sse-data/cut-mid-line-then-close"] = Streamed("data: {\"message\":{\"ty"),
            ["sse-data/cut-mid-line-then-reset"] = (exchange, json) => SendThenAbort(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + "data: {\"message\":{\"ty"),
            ["sse-data/invalid-json"] = Streamed("data: {not json\n\n" + SseBody),
            ["sse-data/line-beyond-the-event-limit"] = Streamed("data: " + new string('a', 3000)),
            ["sse-data/lone-surrogate-escape"] = Streamed("data: {\"message\":{\"type\":1,\"text\":\"\\ud800\"}}\n\n"),
            ["sse-data/invalid-utf8"] = (exchange, json) => SendBytes(exchange, Headers(json), Utf8With("data: {\"message\":{\"type\":1,\"text\":\"a", [0xFF, 0xC3]).Concat(Encoding.UTF8.GetBytes("\"}}\n\n")).ToArray()),
            ["sse-data/type-is-an-object"] = Streamed("data: {\"message\":{\"type\":{},\"text\":1}}\n\n"),
            ["sse-data/no-colon"] = Streamed("data\n\n" + SseBody),
            ["sse-event/huge-name"] = Streamed("event: " + new string('e', 3000) + "\n" + SseBody),
            ["sse-event/nul-in-name"] = Streamed("event: mes\0sage\ndata: {}\n\n" + SseBody),
            ["sse-id/nul"] = Streamed("id: a\0b\n" + SseBody),
            ["sse-id/huge"] = Streamed("id: " + new string('i', 1900) + "\n" + SseBody),
            ["sse-retry/overflow"] = Streamed("retry: 99999999999999999999999999\n" + SseBody),
            ["sse-retry/negative"] = Streamed("retry: -5\n" + SseBody),
            ["sse-comment/flood"] = Streamed(string.Concat(Enumerable.Repeat(":" + new string('c', 60) + "\n", 2000)) + SseBody),
            ["sse-newline/cr-only"] = Streamed(SseBody.Replace("\n", "\r", StringComparison.Ordinal)),
            ["sse-done/garbage-after"] = Streamed(SseBody + "data: [DONE]\n\n" + new string('\x01', 5000)),
        };

        return faults;
    }

    private static string ContentType(bool json) => "Content-Type: " + (json ? "application/json" : "text/event-stream") + "\r\nConnection: close\r\n";

    private static string Headers(bool json) => ContentType(json);

    private static string Body(bool json) => json ? JsonBody : SseBody;

    private static string Chunked(string body)
    {
        var length = Encoding.UTF8.GetByteCount(body);
        return length.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static Func<RawHttpExchange, bool, Task> Raw(string response) => (exchange, _) => Send(exchange, response);

    private static Func<RawHttpExchange, bool, Task> Streamed(string body) =>
        (exchange, json) => Send(exchange, "HTTP/1.1 200 OK\r\n" + Headers(json) + "\r\n" + body);

    private static Func<RawHttpExchange, bool, Task> Redirect(int status, string location) =>
        (exchange, json) => Send(exchange, $"HTTP/1.1 {status} Moved\r\nLocation: {location}\r\n" + Headers(json) + "\r\n" + Body(json));

    private static Task Send(RawHttpExchange exchange, string response) => exchange.WriteAsync(Encoding.UTF8.GetBytes(response));

    private static async Task SendBytes(RawHttpExchange exchange, string headers, byte[] body)
    {
        await exchange.WriteAsync("HTTP/1.1 200 OK\r\n" + headers + "\r\n");
        await exchange.WriteAsync(body);
    }

    private static async Task SendThenAbort(RawHttpExchange exchange, string response)
    {
        await Send(exchange, response);
        exchange.Abort();
    }

    private static Task Abort(RawHttpExchange exchange)
    {
        exchange.Abort();
        return Task.CompletedTask;
    }

    private static byte[] Utf8With(string text, byte[] bad)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var middle = bytes.Length / 2;
        return [.. bytes[..middle], .. bad, .. bytes[middle..]];
    }

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
#pragma warning disable CA5394 // Test noise needs no cryptographic strength; a fixed seed keeps the case repeatable.
        new Random(42).NextBytes(bytes);
#pragma warning restore CA5394
        return bytes;
    }
}

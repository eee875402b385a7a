using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Tool.Tests.Checking;

/// <summary>
/// For every rule the checker documents, a bot that breaks it and (as far as it can) nothing else: the examples of
/// the tool's README, made runnable.
/// </summary>
public static class BreakingBots
{
    public const string Text = "{\"message\":{\"type\":1,\"text\":\"Hi\"}}";

    /// <summary>A bot that keeps every rule: 405 for other methods, a 400 problem for bad JSON, a stream when asked.</summary>
    public static readonly RequestDelegate Good = Polite(context => BotReplies.WantsStream(context)
        ? BotReplies.SseAsync(context, antiBuffering: true, Delta("Hi "), Final("Hi there"))
        : BotReplies.JsonAsync(context, Text));

    public static IReadOnlyDictionary<string, BreakingBot> All { get; } = new Dictionary<string, BreakingBot>(StringComparer.Ordinal)
    {
        ["http.status"] = new(Polite(Json("{\"type\":\"about:blank\",\"title\":\"Boom\",\"status\":500}", "application/problem+json", 500))),
        ["http.redirect"] = new(Polite(context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "http://127.0.0.1:9/elsewhere";
            return Task.CompletedTask;
        })),
        ["http.connection"] = new(Polite(async context =>
        {
            if (BotReplies.WantsStream(context))
            {
                await BotReplies.SseAsync(context, antiBuffering: true, Delta("Hi "));
            }
            else
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"message\":{\"type\":1,");
                await context.Response.Body.FlushAsync();
            }

            context.Abort();
        })),
        ["http.method"] = new(Json(Text)),
        ["http.malformed-request"] = new(context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return Task.CompletedTask;
            }

            return BotReplies.JsonAsync(context, Text);
        }),
        ["http.problem-body"] = new(Polite(Json(Text), badRequest: context => BotReplies.JsonAsync(context, "bad request", "text/plain", 400))),
        ["reply.shape"] = new(Polite(Json("{\"text\":\"Hi\"}"))),
        ["reply.content-type"] = new(Polite(Json(Text, contentType: null))),
        ["reply.message-type"] = new(Polite(Json("{\"message\":{\"type\":7,\"text\":\"Hi\"}}"))),
        ["reply.keyword"] = new(Polite(Json("{\"message\":{\"type\":1,\"text\":\"direct_transfer\"}}"))),
        ["message.required"] = new(Polite(Json(Advanced("[{\"type\":3,\"items\":[{\"type\":12,\"text\":\"Hi\"}]}]")))),
        ["message.empty"] = new(Polite(Json(Advanced("[]")))),
        ["message.tooLong"] = new(Polite(Json(Advanced("[{\"type\":3,\"items\":[{\"type\":12,\"text\":\"A button text far too long\",\"action\":{\"type\":1,\"text\":\"x\"}}]}]")))),
        ["message.order"] = new(Polite(Json(Advanced("[{\"type\":1,\"items\":[{\"type\":12,\"text\":\"Go\",\"action\":{\"type\":1,\"text\":\"go\"}},{\"type\":9,\"text\":\"Hello\"}]}]")))),
        ["message.itemNotAllowed"] = new(Polite(Json(Advanced("[{\"type\":3,\"items\":[{\"type\":9,\"text\":\"Hello\"}]}]")))),
        ["message.listShape"] = new(Polite(Json(Advanced("[{\"type\":4,\"items\":[{\"type\":12,\"title\":\"A\",\"text\":\"B\",\"action\":{\"type\":1,\"text\":\"a\"}}]}]")))),
        ["message.invalidUrl"] = new(Polite(Json(Advanced("[{\"type\":1,\"items\":[{\"type\":10,\"fileUrl\":\"ftp://files.example/a.png\"}]}]")))),
        ["message.unsupportedMediaFormat"] = new(Polite(Json(Advanced("[{\"type\":1,\"items\":[{\"type\":10,\"fileUrl\":\"https://files.example/a.gif\"}]}]")))),
        ["message.invalidAdvancedMarker"] = new(Polite(Json("{\"message\":{\"type\":5,\"advanced\":\"Fancy\",\"advancedItems\":[{\"type\":1,\"items\":[{\"type\":9,\"text\":\"Hello\"}]}]}}"))),
        ["channel.external-json"] = new(Polite(context => BotReplies.SseAsync(context, antiBuffering: true, Final("Hi")))),
        ["stream.anti-buffering"] = new(Streaming(antiBuffering: false, Delta("Hi "), Final("Hi there"))),
        ["stream.framing"] = new(Streaming(antiBuffering: true, Delta("Hi "), "{\"message\":{\"type\":1,\"text\":\"lost\",\"streamType\":\"delta\"}}\n\n", Final("Hi there"))),
        ["stream.event-json"] = new(Streaming(antiBuffering: true, "data: {oops}\n\n", Final("Hi"))),
        ["stream.no-advanced"] = new(Streaming(antiBuffering: true, "data: " + Advanced("[{\"type\":1,\"items\":[{\"type\":9,\"text\":\"Hello\"}]}]") + "\n\n", Final("Hi"))),
        ["stream.terminal"] = new(Streaming(antiBuffering: true, Delta("Hi "), Delta("there"))),
        ["stream.after-final"] = new(Streaming(antiBuffering: true, Final("Hi"), Delta(" again"))),
        ["stream.stream-type"] = new(Streaming(antiBuffering: true, "data: {\"message\":{\"type\":1,\"text\":\"Hi\",\"streamType\":\"partial\"}}\n\n", Final("Hi"))),
        ["limits.event-size"] = new(Streaming(antiBuffering: true, Delta(new string('x', 600)), Final("Hi")), ["--max-event-bytes", "300"]),
        ["limits.response-size"] = new(Polite(Json("{\"message\":{\"type\":1,\"text\":\"" + new string('x', 2000) + "\"}}")), ["--max-response-bytes", "1000"]),
        ["limits.time"] = new(Polite(context => Task.Delay(Timeout.Infinite, context.RequestAborted)), ["--timeout-seconds", "0.3"]),
        ["media.reachable"] = new(Polite(Image("missing")), ["--check-media"]),
        ["media.format"] = new(Polite(Image("format")), ["--check-media"], Media: context => Head(context, "text/html", 1000)),
        ["media.size"] = new(Polite(Image("size")), ["--check-media"], Media: context => Head(context, "image/png", 30L * 1024 * 1024)),
    };

    public static string Advanced(string items) => "{\"message\":{\"type\":5,\"advanced\":\"AdvancedMessage\",\"advancedItems\":" + items + "}}";

    public static string Delta(string text) => "data: {\"message\":{\"type\":1,\"text\":\"" + text + "\",\"streamType\":\"delta\"}}\n\n";

    public static string Final(string text) => "data: {\"message\":{\"type\":1,\"text\":\"" + text + "\",\"streamType\":\"final\"}}\n\n";

    public static RequestDelegate Json(string body, string? contentType = "application/json", int status = 200) =>
        context => BotReplies.JsonAsync(context, body, contentType, status);

    /// <summary>Wraps a reply in good HTTP manners: 405 for other methods, a 400 problem for a body that is not JSON.</summary>
    public static RequestDelegate Polite(RequestDelegate reply, RequestDelegate? badRequest = null) => async context =>
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
        }
        catch (JsonException)
        {
            await (badRequest ?? Json("{\"title\":\"The body is not JSON.\",\"status\":400}", "application/problem+json", 400))(context);
            return;
        }

        await reply(context);
    };

    private static RequestDelegate Streaming(bool antiBuffering, params string[] parts) => Polite(context => BotReplies.WantsStream(context)
        ? BotReplies.SseAsync(context, antiBuffering, parts)
        : BotReplies.JsonAsync(context, Text));

    private static RequestDelegate Image(string name) => context => BotReplies.JsonAsync(context,
        Advanced($"[{{\"type\":1,\"items\":[{{\"type\":10,\"fileUrl\":\"http://{context.Request.Host}/media/{name}.png\"}}]}}]"));

    private static Task Head(HttpContext context, string contentType, long length)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = length;
        return Task.CompletedTask;
    }
}

/// <summary>A bot that breaks one rule, the extra arguments its check needs, and the media it serves, if any.</summary>
public sealed record BreakingBot(RequestDelegate Bot, string[]? Arguments = null, RequestDelegate? Media = null);

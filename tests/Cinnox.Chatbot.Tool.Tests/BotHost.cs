using System.Collections.Concurrent;
using System.Text;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Tool.Tests;

/// <summary>
/// One real Kestrel server on loopback shared by a test class; each test maps its own (often misbehaving) bot at a
/// path of its own.
/// </summary>
public sealed class BotHost : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _bots = new(StringComparer.Ordinal);
    private LoopbackServer? _server;

    public async Task InitializeAsync() =>
        _server = await LoopbackServer.StartAsync(context =>
        {
            if (_bots.TryGetValue(context.Request.Path.Value ?? string.Empty, out var bot))
            {
                return bot(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Maps a handler and returns its URL.</summary>
    public Uri Map(RequestDelegate bot, string? path = null)
    {
        path ??= "/bot/" + Guid.NewGuid().ToString("N");
        _bots[path] = bot;
        return _server!.Url(path);
    }

    /// <summary>Answers with a JSON body, under <paramref name="contentType"/> (none when null).</summary>
    public static async Task JsonAsync(HttpContext context, string json, string? contentType = "application/json", int status = 200)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        await context.Response.WriteAsync(json);
    }

    /// <summary>Answers with a stream written as is, each part flushed, with or without the anti-buffering headers.</summary>
    public static async Task SseAsync(HttpContext context, bool antiBuffering, params string[] parts)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = "text/event-stream";
        }

        if (antiBuffering && !context.Response.HasStarted)
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
        }

        foreach (var part in parts)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(part));
            await context.Response.Body.FlushAsync();
        }
    }

    /// <summary>Gets whether the request asked for a stream.</summary>
    public static bool WantsStream(HttpContext context) => ChatbotDestination.AcceptsEventStream(context.Request.Headers.Accept.ToString());
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// One real Kestrel server on loopback shared by a test class; each test maps its own bot at a path of its own.
/// </summary>
public sealed class LoopbackBotHost : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _bots = new(StringComparer.Ordinal);
    private LoopbackServer? _server;

    public async Task InitializeAsync() =>
        _server = await LoopbackServer.StartAsync(context =>
            _bots.TryGetValue(context.Request.Path.Value ?? string.Empty, out var bot)
                ? bot(context)
                : Results(context, StatusCodes.Status404NotFound));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Maps a bot and returns its URL.</summary>
    /// <param name="bot">Answers the requests to the path.</param>
    /// <param name="path">The path, such as <c>/media/card.png</c>; a fresh one of its own when null.</param>
    /// <returns>The bot's URL.</returns>
    public Uri Map(RequestDelegate bot, string? path = null)
    {
        path ??= "/bot/" + Guid.NewGuid().ToString("N");
        _bots[path] = bot;
        return _server!.Url(path);
    }

    /// <summary>Writes a body in pieces of <paramref name="chunk"/> bytes, sending each at once (a UTF-8 character may be cut).</summary>
    public static async Task WriteInPiecesAsync(HttpResponse response, string text, int chunk = int.MaxValue)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            await response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
            await response.Body.FlushAsync();
        }
    }

    private static Task Results(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

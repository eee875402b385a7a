using System.Collections.Concurrent;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.IntegrationTests.Rooms;

/// <summary>
/// Real Kestrel on loopback with one chatbot endpoint built with the server toolkit (<c>MapCinnoxChatbot</c>); each
/// test registers the bot's behaviour under a name of its own and gets its URL.
/// </summary>
public sealed class RoomBotServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>>> _bots = new(StringComparer.Ordinal);
    private LoopbackServer? _server;

    public async Task InitializeAsync() =>
        _server = await LoopbackServer.StartAsync(
            services => services.AddCinnoxChatbotServer(),
            app => app.MapCinnoxChatbot("/bots/{name}", (context, cancellationToken) =>
                _bots.TryGetValue((string)context.HttpContext.Request.RouteValues["name"]!, out var bot)
                    ? bot(context, cancellationToken)
                    : throw new InvalidOperationException("No bot registered under that name.")));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Registers a bot and returns its URL.</summary>
    public Uri Add(Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> bot)
    {
        var name = Guid.NewGuid().ToString("N");
        _bots[name] = bot;
        return _server!.Url($"bots/{name}");
    }

    /// <summary>Registers a bot that answers every request the same way and records the requests.</summary>
    public Uri Add(Func<ChatbotRequestContext, ChatbotServerReply> bot, ConcurrentQueue<ChatbotRequestContext>? requests = null) =>
        Add((context, _) =>
        {
            requests?.Enqueue(context);
            return ValueTask.FromResult(bot(context));
        });

    /// <summary>Gets a URL on the server that no bot answers (404).</summary>
    public Uri Missing => _server!.Url("nothing-here");
}

using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.IntegrationTests.Server;

/// <summary>A bot built with the server toolkit, on a real Kestrel server on loopback.</summary>
internal sealed class ToolkitBot : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private ToolkitBot(LoopbackServer server) => _server = server;

    /// <summary>Gets the bot's URL.</summary>
    public Uri Url => _server.Url("chatbot");

    /// <summary>Starts a bot with one handler.</summary>
    public static async Task<ToolkitBot> StartAsync(
        Func<ChatbotRequestContext, CancellationToken, ValueTask<ChatbotServerReply>> handler,
        Action<ChatbotServerOptions>? configure = null,
        TimeProvider? time = null) =>
        new(await LoopbackServer.StartAsync(
            services =>
            {
                services.AddCinnoxChatbotServer(configure);
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            },
            app => app.MapCinnoxChatbot("/chatbot", handler)));

    /// <summary>Starts the reference bot of <c>samples/ShowcaseBot</c>.</summary>
    public static async Task<ToolkitBot> StartShowcaseAsync(string? apiKey = null) =>
        new(await LoopbackServer.StartAsync(
            services => Cinnox.Chatbot.Samples.ShowcaseBot.AddServices(services, apiKey),
            app => Cinnox.Chatbot.Samples.ShowcaseBot.Map(app)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

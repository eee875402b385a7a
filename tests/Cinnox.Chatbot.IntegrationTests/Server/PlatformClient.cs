using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.IntegrationTests.Server;

/// <summary>The SDK's client, registered the way a platform registers it, calling a toolkit bot.</summary>
internal sealed class PlatformClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public PlatformClient(Uri url, bool streaming, Action<ChatbotDestination>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddCinnoxChatbotClient("bot", destination =>
            {
                destination.Name = "Toolkit bot";
                destination.Url = url;
                if (streaming)
                {
                    destination.Headers["Accept"] = "text/event-stream";
                }

                destination.Limits.TotalResponseTime = TimeSpan.FromSeconds(30);
                configure?.Invoke(destination);
            })
            .ConfigureRetry(options => options.BaseDelay = TimeSpan.Zero);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IChatbotClientFactory>().GetClient("bot");
    }

    public IChatbotClient Client { get; }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

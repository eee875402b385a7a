using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>Builds clients the way an application does: registered through <c>AddCinnoxChatbotClient</c>.</summary>
internal sealed class ClientFactory : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ClientFactory(Uri url, Action<ChatbotDestination>? configure = null, TimeProvider? time = null, Action<ChatbotRetryOptions>? retry = null, bool streaming = true)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddCinnoxChatbotClient("bot", destination =>
            {
                destination.Name = "Loopback bot";
                destination.Url = url;
                destination.Headers["Authorization"] = "Bearer loopback-secret";
                if (streaming)
                {
                    destination.Headers["Accept"] = "text/event-stream";
                }

                destination.Limits.TotalResponseTime = TimeSpan.FromSeconds(30);
                destination.Limits.MaxEventBytes = 2048;
                destination.Limits.MaxResponseBytes = 64 * 1024;
                configure?.Invoke(destination);
            })
            .ConfigureRetry(options =>
            {
                options.BaseDelay = TimeSpan.Zero;
                retry?.Invoke(options);
            })
            .HttpClientBuilder.AddHttpMessageHandler(() => new SignalHandler(_headersArrived));
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IChatbotClientFactory>().GetClient("bot");
    }

    private readonly TaskCompletionSource _headersArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IChatbotClient Client { get; }

    /// <summary>Gets a task that completes when the response headers of a call have arrived.</summary>
    public Task HeadersArrived => _headersArrived.Task;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// A real Kestrel server on <c>127.0.0.1</c> with a port chosen by the operating system, started and stopped
/// by a test. Real sockets, real chunking, real aborts.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server that answers every request with one handler.</summary>
    /// <param name="handler">Handles every request.</param>
    /// <returns>The running server.</returns>
    public static Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return StartAsync(configureServices: null, app => app.Run(handler));
    }

    /// <summary>Starts a server configured by the test.</summary>
    /// <param name="configureServices">Adds services, if any.</param>
    /// <param name="configureApp">Maps endpoints and middleware.</param>
    /// <returns>The running server.</returns>
    public static async Task<LoopbackServer> StartAsync(Action<IServiceCollection>? configureServices, Action<WebApplication> configureApp)
    {
        ArgumentNullException.ThrowIfNull(configureApp);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Gets an absolute URL on this server.</summary>
    /// <param name="path">The path, such as <c>chatbot</c>.</param>
    /// <returns>The URL.</returns>
    public Uri Url(string path = "") => new(BaseAddress, path.TrimStart('/'));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Connections a test left hanging are cut when the host is disposed.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Net;
using System.Text.Json;
using Cinnox.Chatbot.Tool.Checking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>
/// The playground's local web server on 127.0.0.1: the page and its script and styles (embedded in the tool, nothing
/// from a CDN), the settings the command line gave, and the relay that sends each visitor message to the bot.
/// </summary>
internal sealed class PlaygroundServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/playground.js"] = "playground.js",
        ["/playground.css"] = "playground.css",
    };

    private readonly WebApplication _app;

    private PlaygroundServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the page's address, such as <c>http://127.0.0.1:5199/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the server.</summary>
    public static async Task<PlaygroundServer> StartAsync(PlaygroundSettings settings, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, settings.Port));
        var app = builder.Build();
        var relay = new PlaygroundRelay(settings, timeProvider ?? TimeProvider.System);
        app.Use(async (context, next) =>
        {
            // A page on another site cannot reach the playground through a DNS name that points at 127.0.0.1.
            var host = context.Request.Host.Host;
            if (host is not ("127.0.0.1" or "localhost"))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                return;
            }

            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src * data: blob:; media-src * data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context).ConfigureAwait(false);
        });
        app.MapPost("/api/send", relay.HandleAsync);
        app.MapGet("/api/settings", context => SettingsAsync(context, settings));
        foreach (var (path, file) in Assets)
        {
            app.MapGet(path, context => AssetAsync(context, file));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PlaygroundServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

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
            // Open relays are cut when the host is disposed.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AssetAsync(HttpContext context, string file)
    {
        var stream = typeof(PlaygroundServer).Assembly.GetManifestResourceStream("wwwroot/" + file)
            ?? throw new InvalidOperationException($"The playground's asset '{file}' is not embedded in the tool.");
        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => "text/css; charset=utf-8",
            };
            context.Response.Headers.CacheControl = "no-cache";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task SettingsAsync(HttpContext context, PlaygroundSettings settings)
    {
        var endpoint = settings.Endpoint;
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("botUrl", endpoint.Url?.AbsoluteUri);
            writer.WriteStartArray("headers");
            foreach (var (name, value) in endpoint.Headers)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                writer.WriteStringValue(CurlCommand.IsSecret(name) ? "••••••" : value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("context");
            foreach (var (key, value) in endpoint.Context)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteBoolean("legacy", endpoint.Legacy);
            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).AsTask();
    }
}

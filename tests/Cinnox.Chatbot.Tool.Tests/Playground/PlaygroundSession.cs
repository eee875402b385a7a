using Cinnox.Chatbot.Testing;
using Cinnox.Chatbot.Tool.Cli;
using Cinnox.Chatbot.Tool.Playground;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>A bot on loopback, the playground in front of it, and a fresh browser page on the playground.</summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    private readonly LoopbackServer _bot;
    private readonly PlaygroundServer _playground;
    private readonly IBrowserContext _context;

    private PlaygroundSession(LoopbackServer bot, PlaygroundServer playground, IBrowserContext context, IPage page)
    {
        _bot = bot;
        _playground = playground;
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public ILocator Log => Page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });

    public ILocator Message => Page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });

    public ILocator SendButton => Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });

    public static Task<PlaygroundSession> StartAsync(IBrowser browser, RequestDelegate bot) =>
        StartAsync(browser, services: null, app => app.Run(bot), "bot");

    public static async Task<PlaygroundSession> StartAsync(IBrowser browser, Action<IServiceCollection>? services, Action<WebApplication> app, string path, int width = 1280, int height = 800)
    {
        var server = await LoopbackServer.StartAsync(services, app);
        var playground = await PlaygroundServer.StartAsync(new PlaygroundSettings(new EndpointSettings { Url = server.Url(path) }));
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });

        // Only loopback traffic: media URLs a bot names elsewhere are never fetched.
        await context.RouteAsync("**/*", route => new Uri(route.Request.Url).IsLoopback ? route.ContinueAsync() : route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(playground.Address.ToString());
        await page.GetByText(server.Url(path).ToString()).WaitForAsync();
        return new PlaygroundSession(server, playground, context, page);
    }

    public async Task SendAsync(string text)
    {
        await Message.FillAsync(text);
        await SendButton.ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _playground.DisposeAsync();
        await _bot.DisposeAsync();
    }
}

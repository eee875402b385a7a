using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>
/// The reference bot in the playground, as the tool's README shows it. Set <c>CINNOX_PLAYGROUND_SCREENSHOT</c> to a
/// path to keep the picture (the README's is made this way).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaygroundShowcaseTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task ShowcaseBot_StreamsAndShowsACarouselAndAMenu()
    {
        await using var session = await PlaygroundSession.StartAsync(browser.Browser,
            services => Cinnox.Chatbot.Samples.ShowcaseBot.AddServices(services, apiKey: null),
            app => Cinnox.Chatbot.Samples.ShowcaseBot.Map(app), "chatbot", width: 1280, height: 760);

        await session.SendAsync("carousel");
        await Expect(session.Log.GetByRole(AriaRole.Group, new() { Name = "Carousel" })).ToBeVisibleAsync();
        await session.SendAsync("menu");
        await Expect(session.Log.GetByRole(AriaRole.Button, new() { Name = "A list" })).ToBeVisibleAsync();
        await session.SendAsync("Where is my order?");
        await Expect(session.Log.Locator(".msg.bot").Last).ToHaveTextAsync("You said: Where is my order?");
        await Expect(session.Page.GetByRole(AriaRole.Region, new() { Name = "Wire inspector" })).ToContainTextAsync("Events (");

        var picture = await session.Page.ScreenshotAsync();
        picture.Length.Should().BeGreaterThan(10_000);
        if (Environment.GetEnvironmentVariable("CINNOX_PLAYGROUND_SCREENSHOT") is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, picture);
        }
    }
}

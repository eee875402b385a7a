using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Cinnox.Chatbot.Tool.Tests.Checking.BreakingBots;
using static Microsoft.Playwright.Assertions;

namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>The playground in headless chromium, used the way a bot developer uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaygroundBrowserTests(BrowserFixture browser)
{
    private const string Everything = """
        [{"type":1,"items":[{"type":9,"title":"Card title","text":"Card text","footer":"Card footer"},
            {"type":10,"fileUrl":"https://media.example/card.png"},{"type":11,"fileUrl":"https://media.example/clip.mp4"},
            {"type":13,"fileUrl":"https://media.example/voice.mp3"},
            {"type":12,"text":"Open site","action":{"type":2,"url":"https://www.example.com/"}}]},
         {"type":2,"items":[{"type":1,"items":[{"type":9,"title":"Plan S"},{"type":12,"text":"Choose S","action":{"type":1,"text":"S"}}]},
                            {"type":1,"items":[{"type":9,"title":"Plan M"},{"type":12,"text":"Choose M","action":{"type":1,"text":"M"}}]}]},
         {"type":3,"items":[{"type":12,"text":"Yes","action":{"type":1,"text":"yes"}},{"type":12,"text":"No","action":{"type":1,"text":"no"}}]},
         {"type":4,"items":[{"type":9,"title":"List title","text":"List text"},
            {"type":12,"title":"Entry one","text":"First entry","action":{"type":1,"text":"one"},"items":[{"type":10,"fileUrl":"https://media.example/one.jpg"}]},
            {"type":12,"title":"Entry two","text":"Second entry","action":{"type":1,"text":"two"}}]},
         {"type":9,"items":[{"type":9,"text":"A plain text container"}]}]
        """;

    [BrowserFact]
    public async Task Streaming_TextGrowsAsEachEventArrives()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var session = await PlaygroundSession.StartAsync(browser.Browser, async context =>
        {
            await BotReplies.SseAsync(context, antiBuffering: true, Delta("Hello "));
            await gate.Task.WaitAsync(context.RequestAborted);
            await BotReplies.SseAsync(context, antiBuffering: true, Delta("streaming "), Final("Hello streaming world"));
        });

        await session.SendAsync("hi");

        await Expect(session.Log.Locator(".msg.bot.streaming")).ToHaveTextAsync("Hello");
        await Expect(session.Log).Not.ToContainTextAsync("world");
        gate.SetResult();
        await Expect(session.Log.Locator(".msg.bot")).ToHaveTextAsync("Hello streaming world");
        await Expect(session.Log.Locator(".msg.bot.streaming")).ToHaveCountAsync(0);
        var inspector = session.Page.GetByRole(AriaRole.Region, new() { Name = "Wire inspector" });
        await Expect(inspector).ToContainTextAsync("Events (3)");
        await Expect(inspector).ToContainTextAsync("completed (HTTP 200), streamed");
        await Expect(inspector).ToContainTextAsync("The reply keeps every rule the checker judges.");
    }

    [BrowserFact]
    public async Task AdvancedMessage_EveryFormatRenders()
    {
        await using var session = await PlaygroundSession.StartAsync(browser.Browser, context => BotReplies.JsonAsync(context, Advanced(Everything)));

        await session.SendAsync("everything");

        var log = session.Log;
        await Expect(log.GetByRole(AriaRole.Group, new() { Name = "Carousel" }).GetByRole(AriaRole.Group, new() { Name = "Bubble" })).ToHaveCountAsync(2);
        await Expect(log.GetByRole(AriaRole.Group, new() { Name = "Bubble" })).ToHaveCountAsync(3);
        await Expect(log.Locator(".t-title", new() { HasText = "Card title" })).ToBeVisibleAsync();
        await Expect(log.Locator(".t-text", new() { HasText = "Card text" })).ToBeVisibleAsync();
        await Expect(log.Locator(".t-footer", new() { HasText = "Card footer" })).ToBeVisibleAsync();
        await Expect(log.Locator("img[src='https://media.example/card.png']")).ToHaveCountAsync(1);
        await Expect(log.Locator("video[src='https://media.example/clip.mp4']")).ToHaveCountAsync(1);
        await Expect(log.Locator("audio[src='https://media.example/voice.mp3']")).ToHaveCountAsync(1);
        foreach (var name in new[] { "Open site", "Choose S", "Choose M", "Yes", "No" })
        {
            await Expect(log.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        var quickReplies = log.GetByRole(AriaRole.Group, new() { Name = "Quick replies" });
        await Expect(quickReplies.GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        var list = log.GetByRole(AriaRole.Group, new() { Name = "List" });
        await Expect(list).ToContainTextAsync("List title");
        await Expect(list.GetByRole(AriaRole.Button, new() { Name = "Entry one" })).ToContainTextAsync("First entry");
        await Expect(list.Locator("img[src='https://media.example/one.jpg']")).ToHaveCountAsync(1);
        await Expect(log).ToContainTextAsync("A plain text container");
    }

    [BrowserFact]
    public async Task PostbackButton_PostsItsTextAsTheVisitorsNextMessage()
    {
        var queries = new ConcurrentQueue<string>();
        await using var session = await PlaygroundSession.StartAsync(browser.Browser, async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var query = body.RootElement.GetProperty("query").GetString()!;
            queries.Enqueue(query);
            await BotReplies.JsonAsync(context, query == "menu"
                ? Advanced("""[{"type":3,"items":[{"type":12,"text":"A card","action":{"type":1,"text":"card"}},{"type":12,"text":"Talk to us","action":{"type":1,"text":"DIRECT_TRANSFER"}}]}]""")
                : "{\"message\":{\"type\":1,\"text\":\"Here is your " + query + "\"}}");
        });

        await session.SendAsync("menu");
        await session.Log.GetByRole(AriaRole.Button, new() { Name = "A card" }).ClickAsync();

        await Expect(session.Log.Locator(".msg.visitor")).ToHaveTextAsync(["menu", "card"]);
        await Expect(session.Log.Locator(".msg.bot")).ToHaveTextAsync("Here is your card");
        await session.Log.GetByRole(AriaRole.Button, new() { Name = "Talk to us" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Status, new() { Name = "Enquiry state" })).ToHaveTextAsync("Enquiry: waiting for a live agent");
        queries.Should().Equal("menu", "card");
    }

    [BrowserFact]
    public async Task ExternalChannel_AsksForJsonEvenWithStreamingOn()
    {
        var accepts = new ConcurrentQueue<string>();
        await using var session = await PlaygroundSession.StartAsync(browser.Browser, context =>
        {
            accepts.Enqueue(context.Request.Headers.Accept.ToString());
            return BotReplies.WantsStream(context)
                ? BotReplies.SseAsync(context, antiBuffering: true, Final("streamed"))
                : BotReplies.JsonAsync(context, "{\"message\":{\"type\":1,\"text\":\"json\"}}");
        });

        await session.Page.GetByRole(AriaRole.Combobox, new() { Name = "Channel" }).SelectOptionAsync("external");
        await Expect(session.Page.Locator("#stream")).ToBeCheckedAsync();
        await session.SendAsync("hi");

        await Expect(session.Log.Locator(".msg.bot")).ToHaveTextAsync("json");
        accepts.Should().Equal("application/json");
        var inspector = session.Page.GetByRole(AriaRole.Region, new() { Name = "Wire inspector" });
        await Expect(inspector).ToContainTextAsync("Acceptapplication/json");
        await Expect(inspector.Locator("#outcome")).ToHaveTextAsync("completed (HTTP 200)");
    }

    [BrowserFact]
    public async Task Transcript_SavedLoadedAndReplayed_ShowsWhatChanged()
    {
        var changed = false;
        await using var session = await PlaygroundSession.StartAsync(browser.Browser, async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var query = body.RootElement.GetProperty("query").GetString()!;
            var text = changed && query == "two" ? "A new answer" : "You said: " + query;
            await BotReplies.JsonAsync(context, "{\"message\":{\"type\":1,\"text\":\"" + text + "\"}}");
        });
        await session.SendAsync("one");
        await Expect(session.Log.Locator(".msg.bot")).ToHaveTextAsync("You said: one");
        await session.SendAsync("two");
        await Expect(session.Log.Locator(".msg.bot")).ToHaveTextAsync(["You said: one", "You said: two"]);

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByRole(AriaRole.Button, new() { Name = "Save transcript" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await download.SaveAsAsync(file);
            using (var transcript = JsonDocument.Parse(await File.ReadAllTextAsync(file)))
            {
                transcript.RootElement.GetProperty("turns").GetArrayLength().Should().Be(2);
            }

            changed = true;
            await session.Page.ReloadAsync();
            await session.Page.GetByLabel("Load transcript").SetInputFilesAsync(file);
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Replay transcript" }).ClickAsync();

            var results = session.Page.GetByRole(AriaRole.Region, new() { Name = "Replay results" });
            await Expect(results).ToContainTextAsync("Replayed 2 turns: 1 changed.");
            await Expect(results).ToContainTextAsync("Turn 1 \"one\": same");
            await Expect(results).ToContainTextAsync("Turn 2 \"two\": changed: text \"You said: two\" → \"A new answer\"");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

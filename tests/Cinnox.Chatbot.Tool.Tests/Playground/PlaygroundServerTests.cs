using System.Net;
using System.Text;
using Cinnox.Chatbot.Testing;
using Cinnox.Chatbot.Tool.Cli;
using Cinnox.Chatbot.Tool.Playground;

namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>The playground's server over HTTP, without a browser.</summary>
public sealed class PlaygroundServerTests : IAsyncLifetime
{
    private LoopbackServer _bot = null!;
    private PlaygroundServer _playground = null!;
    private readonly HttpClient _http = new();
    private int _calls;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref _calls);
            return BotReplies.JsonAsync(context, "{\"message\":{\"type\":1,\"text\":\"Hi\"}}");
        });
        var settings = new EndpointSettings { Url = _bot.Url("bot") };
        settings.Headers.Add(KeyValuePair.Create("Authorization", "Bearer s3cret"));
        _playground = await PlaygroundServer.StartAsync(new PlaygroundSettings(settings));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _playground.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Page_IsServedFromTheToolWithAStrictContentSecurityPolicy()
    {
        using var page = await _http.GetAsync(_playground.Address);
        var script = await _http.GetStringAsync(new Uri(_playground.Address, "playground.js"));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("role=\"log\" aria-label=\"Conversation\"").And.NotContain("http://").And.NotContain("https://");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
        script.Should().Contain("textContent").And.NotContain("innerHTML");
    }

    [Fact]
    public async Task Send_RelaysTheReplyWithTheWireAndMasksSecrets()
    {
        using var content = new StringContent("{\"query\":\"hello\",\"stream\":false}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_playground.Address, "api/send"), content);
        var body = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        body.Should().Contain("event: done\ndata: ").And.Contain("\"outcome\":\"completed\"").And.Contain("\"text\":\"Hi\"");
        body.Should().Contain("Authorization").And.NotContain("s3cret");
        var settings = await _http.GetStringAsync(new Uri(_playground.Address, "api/settings"));
        settings.Should().Contain("Authorization").And.NotContain("s3cret");
    }

    [Fact]
    public async Task Send_FromAnotherSiteOrWithoutJson_IsRefusedAndNothingIsSent()
    {
        using var form = new StringContent("query=hello", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var formResponse = await _http.PostAsync(new Uri(_playground.Address, "api/send"), form);
        using var rebound = new HttpRequestMessage(HttpMethod.Post, new Uri(_playground.Address, "api/send"))
        {
            Content = new StringContent("{\"query\":\"hello\"}", Encoding.UTF8, "application/json"),
        };
        rebound.Headers.Host = "attacker.example";
        using var reboundResponse = await _http.SendAsync(rebound);
        using var broken = new StringContent("{\"query\":", Encoding.UTF8, "application/json");
        using var brokenResponse = await _http.PostAsync(new Uri(_playground.Address, "api/send"), broken);

        formResponse.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        reboundResponse.StatusCode.Should().Be(HttpStatusCode.MisdirectedRequest);
        brokenResponse.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await brokenResponse.Content.ReadAsStringAsync()).Should().Contain("not JSON");
        _calls.Should().Be(0);
    }
}

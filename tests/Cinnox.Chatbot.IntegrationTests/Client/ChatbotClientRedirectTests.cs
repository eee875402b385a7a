using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// docs/protocol.md#hostile-bots: redirects are not followed by default; a destination may opt in to same-origin 307/308 only, and the
/// configured headers never reach another origin.
/// </summary>
public class ChatbotClientRedirectTests
{
    private const string ApiKey = "loopback-api-key";

    public static TheoryData<int> AllRedirectStatuses => new() { 300, 301, 302, 303, 307, 308 };

    public static TheoryData<int> MethodChangingStatuses => new() { 301, 302, 303 };

    public static TheoryData<string> HostileLocations => new()
    {
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/plain,hello",
        "urn:isbn:0451450523",
        "mailto:bot@example.com",
        "http://[::1",
        "http://exa mple.com/bot",
        "\\\\server\\share",
        "//evil.example/bot",
        "https://127.0.0.1/bot",
    };

    [Theory]
    [MemberData(nameof(AllRedirectStatuses))]
    public async Task SendAsync_RedirectToAnotherOrigin_IsHttpErrorAndNothingReachesIt(int status)
    {
        await using var other = new RecordingPeer();
        await using var bot = new RecordingPeer(status, other.Url.ToString());
        await using var factory = NewFactory(bot.Url, follow: false);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(status);
        reply.RedirectLocation.Should().Be(other.Url.ToString());
        reply.FailureReason.Should().Contain("redirect").And.Contain("not followed");
        reply.Text.Should().BeEmpty();
        bot.Requests.Should().ContainSingle();
        other.Requests.Should().BeEmpty("the other origin must never see the request or its headers");
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task SendAsync_SameOriginRedirectByDefault_IsNotFollowed(int status)
    {
        await using var bot = new RecordingPeer(status, "/next");
        await using var factory = NewFactory(bot.Url, follow: false);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(status);
        reply.RedirectLocation.Should().Be("/next");
        reply.FailureReason.Should().Contain("FollowSameOriginRedirects");
        bot.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(307, true)]
    [InlineData(308, true)]
    [InlineData(307, false)]
    [InlineData(308, false)]
    public async Task SendAsync_OptedInSameOriginRedirect_ResendsTheSamePost(int status, bool relative)
    {
        RecordingPeer? bot = null;
        bot = new RecordingPeer(request => request.Head.StartsWith("POST /next ", StringComparison.Ordinal)
            ? (200, null)
            : (status, relative ? "/next" : new Uri(bot!.Url, "/next").ToString()));
        await using var _ = bot;
        await using var factory = NewFactory(bot.Url, follow: true);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("the question"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("from the bot");
        bot.Requests.Should().HaveCount(2);
        var (first, second) = (bot.Requests[0], bot.Requests[1]);
        second.Head.Should().StartWith("POST /next HTTP/1.1");
        second.Body.Should().Be(first.Body).And.Contain("the question");
        second.Header("X-Api-Key").Should().Be(ApiKey);
        second.Header("Authorization").Should().Be("Bearer loopback-secret");
    }

    [Theory]
    [MemberData(nameof(MethodChangingStatuses))]
    public async Task SendAsync_OptedInRedirectThatWouldChangeTheMethod_IsNotFollowed(int status)
    {
        await using var bot = new RecordingPeer(status, "/next");
        await using var factory = NewFactory(bot.Url, follow: true);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(status);
        reply.FailureReason.Should().Contain("only 307 and 308");
        bot.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task SendAsync_OptedInRedirectToAnotherOrigin_IsNotFollowed(int status)
    {
        await using var other = new RecordingPeer();
        await using var bot = new RecordingPeer(status, other.Url.ToString());
        await using var factory = NewFactory(bot.Url, follow: true);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.FailureReason.Should().Contain("leaves the configured origin");
        other.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_OptedInRedirectToAnotherHostOnTheSamePort_IsNotFollowed()
    {
        RecordingPeer? bot = null;
        bot = new RecordingPeer(_ => (307, $"http://localhost:{bot!.Url.Port}/bot"));
        await using var _ = bot;
        await using var factory = NewFactory(bot.Url, follow: true);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.FailureReason.Should().Contain("leaves the configured origin");
        bot.Requests.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(HostileLocations))]
    public async Task SendAsync_HostileLocation_EndsWithOneHttpError(string location)
    {
        foreach (var follow in new[] { false, true })
        {
            await using var bot = new RecordingPeer(307, location);
            await using var factory = NewFactory(bot.Url, follow);

            var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

            reply.Outcome.Should().Be(ChatbotOutcome.HttpError, "Location {0} (follow: {1})", location, follow);
            reply.StatusCode.Should().Be(307);
            reply.RedirectLocation.Should().Be(location);
            bot.Requests.Should().ContainSingle();
        }
    }

    [Fact]
    public async Task SendAsync_OptedInRedirectWithUserInformation_IsNotFollowed()
    {
        RecordingPeer? bot = null;
        bot = new RecordingPeer(_ => (307, $"http://user:password@127.0.0.1:{bot!.Url.Port}/next"));
        await using var _ = bot;
        await using var factory = NewFactory(bot.Url, follow: true);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.FailureReason.Should().Contain("user information");
        bot.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SendAsync_OptedInRedirectLoop_StopsAfterTheMostRedirects()
    {
        await using var bot = new RecordingPeer(307, "/bot");
        await using var factory = NewFactory(bot.Url, follow: true);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(307);
        reply.FailureReason.Should().Contain("one redirect more than the 5");
        bot.Requests.Should().HaveCount(ChatbotDestination.MaxRedirects + 1);
    }

    [Fact]
    public async Task SendAsync_OwnHttpClientThatFollowsRedirects_RefusesTheOtherOriginsReply()
    {
        await using var other = new RecordingPeer();
        await using var bot = new RecordingPeer(307, other.Url.ToString());
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = true };
        using var httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var destination = new ChatbotDestination { Name = "Own client", Url = bot.Url };
        var client = new ChatbotClient(httpClient, destination);

        var reply = await client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.Text.Should().BeEmpty("the other origin's answer is not the chatbot's reply");
        reply.FailureReason.Should().Contain("AllowAutoRedirect");
        reply.RedirectLocation.Should().Be(other.Url.ToString());
    }

    private static ClientFactory NewFactory(Uri url, bool follow) => new(url, destination =>
    {
        destination.Headers["X-Api-Key"] = ApiKey;
        destination.FollowSameOriginRedirects = follow;
    }, streaming: false);
}

using System.Net;
using System.Text;

namespace Cinnox.Chatbot.Server.Tests;

public sealed partial class ChatbotEndpointTests
{
    private const string Key = "s3cret-Key-Never-Logged";

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task BearerKey_Right_IsLetIn(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, Ok, options => options.RequireBearerToken(Key));

        var answer = await bot.SendAsync(WithAuthorization($"Bearer {Key}"));

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Text.Should().Be("ok");
    }

    [Theory]
    [InlineData("bearer " + Key)]
    [InlineData("BEARER  " + Key)]
    public async Task BearerKey_SchemeInAnyCase_IsLetIn(string authorization)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, Ok, options => options.RequireBearerToken(Key));

        (await bot.SendAsync(WithAuthorization(authorization))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer " + Key + "x")]
    [InlineData("Bearer s3cret-Key-Never-Logge")]
    [InlineData("Bearer S3CRET-KEY-NEVER-LOGGED")]
    [InlineData("Basic " + Key)]
    [InlineData(Key)]
    [InlineData("Bearer" + Key)]
    public async Task BearerKey_MissingOrWrong_Answers401AndLogsNoSecret(string? authorization)
    {
        var called = false;
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (context, token) =>
        {
            called = true;
            return Ok(context, token);
        }, options => options.RequireBearerToken(Key));

        var answer = await bot.SendAsync(WithAuthorization(authorization));

        ChatbotEndpointTests.AssertProblem(answer, HttpStatusCode.Unauthorized);
        answer.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        called.Should().BeFalse();
        answer.Body.Should().NotContain(Key);
        bot.ToolkitLogs.Should().Contain(entry => entry.Id.Id == 2);
        bot.LogText.Should().NotContain(Key).And.NotContain("wrong");
    }

    [Fact]
    public async Task BearerKey_TwoAuthorizationHeaders_Answers401()
    {
        await using var bot = await BotServer.StartAsync(Transport.Loopback, Ok, options => options.RequireBearerToken(Key));

        var request = BotServer.Post("""{"query":"hi"}""");
        request.Headers.TryAddWithoutValidation("Authorization", [$"Bearer {Key}", $"Bearer {Key}"]);

        (await bot.SendAsync(request)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task CustomHeader_HoldsTheKeyAlone(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, Ok, options => options.RequireHeader("X-Api-Key", Key));

        var right = BotServer.Post("""{"query":"hi"}""");
        right.Headers.Add("X-Api-Key", Key);
        var wrong = BotServer.Post("""{"query":"hi"}""");
        wrong.Headers.Add("X-Api-Key", $"Bearer {Key}");

        (await bot.SendAsync(right)).Status.Should().Be(HttpStatusCode.OK);
        var refused = await bot.SendAsync(wrong);
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.Should().BeEmpty();
    }

    [Fact]
    public async Task MissingKey_IsCheckedBeforeTheBody()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, Ok, options => options.RequireBearerToken(Key));

        var request = new HttpRequestMessage(HttpMethod.Post, "chatbot") { Content = new StringContent("not json", Encoding.UTF8, "text/plain") };

        (await bot.SendAsync(request)).Status.Should().Be(HttpStatusCode.Unauthorized, "a caller without the key learns nothing about the body rules");
    }

    [Fact]
    public async Task NoKeyConfigured_LetsEveryRequestIn()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, Ok);

        (await bot.SendAsync(WithAuthorization("Bearer anything"))).Status.Should().Be(HttpStatusCode.OK);
        (await bot.SendAsync(WithAuthorization(null))).Status.Should().Be(HttpStatusCode.OK);
    }

    private static HttpRequestMessage WithAuthorization(string? authorization)
    {
        var request = BotServer.Post("""{"query":"hi"}""");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}

using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot.Server.Tests;

public sealed class ChatbotServerOptionsTests
{
    [Fact]
    public void Defaults_AreThePlatformsLimitsAndValid()
    {
        var options = new ChatbotServerOptions();

        options.Limits.TotalResponseTime.Should().Be(TimeSpan.FromSeconds(120));
        options.Limits.MaxEventBytes.Should().Be(1_048_576);
        options.Limits.MaxResponseBytes.Should().Be(4_194_304);
        options.MaxRequestBodyBytes.Should().Be(1_048_576);
        options.KeepAliveInterval.Should().BeNull();
        options.StreamCompletion.Should().Be(ChatbotStreamCompletion.FinalEvent);
        options.ApiKey.Should().BeNull();
        Validate(options).Should().BeEmpty();
    }

    public static TheoryData<string, Action<ChatbotServerOptions>, bool> Boundaries => new()
    {
        { "Limits.MaxEventBytes", o => o.Limits.MaxEventBytes = ChatbotServerOptions.MinEventBytes, true },
        { "Limits.MaxEventBytes", o => o.Limits.MaxEventBytes = ChatbotServerOptions.MinEventBytes - 1, false },
        { "Limits.MaxResponseBytes", o => o.Limits.MaxResponseBytes = ChatbotServerOptions.MinResponseBytes, true },
        { "Limits.MaxResponseBytes", o => o.Limits.MaxResponseBytes = ChatbotServerOptions.MinResponseBytes - 1, false },
        { "Limits.TotalResponseTime", o => o.Limits.TotalResponseTime = TimeSpan.FromTicks(1), true },
        { "Limits.TotalResponseTime", o => o.Limits.TotalResponseTime = TimeSpan.Zero, false },
        { "Limits.TotalResponseTime", o => o.Limits.TotalResponseTime = Timeout.InfiniteTimeSpan, false },
        { "Limits", o => o.Limits = null!, false },
        { "MaxRequestBodyBytes", o => o.MaxRequestBodyBytes = 1, true },
        { "MaxRequestBodyBytes", o => o.MaxRequestBodyBytes = 0, false },
        { "MaxRequestBodyBytes", o => o.MaxRequestBodyBytes = long.MaxValue, false },
        { "KeepAliveInterval", o => o.KeepAliveInterval = TimeSpan.FromTicks(1), true },
        { "KeepAliveInterval", o => o.KeepAliveInterval = TimeSpan.Zero, false },
        { "StreamCompletion", o => o.StreamCompletion = (ChatbotStreamCompletion)7, false },
        { "ApiKeyHeaderName", o => { o.ApiKey = "k"; o.ApiKeyHeaderName = "X Api"; }, false },
        { "ApiKeyScheme", o => { o.ApiKey = "k"; o.ApiKeyScheme = "Bear er"; }, false },
        { "ApiKey", o => o.ApiKey = "line\nbreak", false },
        { "ApiKey", o => o.ApiKey = " padded", false },
        { "ApiKey", o => o.RequireHeader("X-Api-Key", "k"), true },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Validate_AtAndPastEachBoundary_NamesTheProperty(string property, Action<ChatbotServerOptions> change, bool valid)
    {
        var options = new ChatbotServerOptions();
        change(options);

        var failures = Validate(options);

        if (valid)
        {
            failures.Should().BeEmpty();
        }
        else
        {
            failures.Should().ContainSingle().Which.Should().StartWith($"ChatbotServerOptions.{property} ");
        }
    }

    [Fact]
    public void Validate_NeverEchoesTheApiKey()
    {
        var options = new ChatbotServerOptions { ApiKey = "top-secret\r\n" };

        string.Join(' ', Validate(options)).Should().NotContain("top-secret");
    }

    [Fact]
    public void RequireBearerToken_SetsTheAuthorizationHeader()
    {
        var options = new ChatbotServerOptions().RequireHeader("X-Key", "a").RequireBearerToken("b");

        (options.ApiKey, options.ApiKeyHeaderName, options.ApiKeyScheme).Should().Be(("b", "Authorization", "Bearer"));
    }

    [Fact]
    public void RequireHelpers_RejectEmptyArguments()
    {
        var options = new ChatbotServerOptions();

        options.Invoking(o => o.RequireBearerToken("")).Should().Throw<ArgumentException>();
        options.Invoking(o => o.RequireHeader("", "k")).Should().Throw<ArgumentException>();
        options.Invoking(o => o.RequireHeader("X-Key", null!)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Clone_CopiesEverySettingDeeply()
    {
        var options = new ChatbotServerOptions
        {
            MaxRequestBodyBytes = 10,
            KeepAliveInterval = TimeSpan.FromSeconds(3),
            StreamCompletion = ChatbotStreamCompletion.None,
            ApiKey = "k",
            ApiKeyHeaderName = "X-Key",
            ApiKeyScheme = null,
        };
        options.Limits.MaxEventBytes = 999;

        var copy = options.Clone();
        options.Limits.MaxEventBytes = 1;

        copy.Should().BeEquivalentTo(options, o => o.Excluding(x => x.Limits));
        copy.Limits.MaxEventBytes.Should().Be(999);
    }

    private static IReadOnlyList<string> Validate(ChatbotServerOptions options)
    {
        var result = ChatbotServerOptionsValidator.Instance.Validate(Options.DefaultName, options);
        return result.Failed ? [.. result.Failures] : [];
    }
}

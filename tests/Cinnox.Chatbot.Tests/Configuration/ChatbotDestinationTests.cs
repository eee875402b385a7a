namespace Cinnox.Chatbot.Tests;

public class ChatbotDestinationTests
{
    private static ChatbotDestination Valid() => new() { Name = "Support Chatbot", Url = new Uri("https://bot.example.com/chat?tenant=7") };

    [Fact]
    public void Validate_MinimalDestination_IsValid() => Valid().Validate().Should().BeEmpty();

    [Theory]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Name_LengthBoundary(int length, bool valid)
    {
        var destination = Valid();
        destination.Name = new string('n', length);

        destination.Validate().Should().HaveCount(valid ? 0 : 1);
        if (!valid)
        {
            destination.Validate()[0].Should().BeEquivalentTo(new { Path = "Name", Code = ChatbotValidationCodes.TooLong });
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Name_Blank_IsRequired(string name)
    {
        var destination = Valid();
        destination.Name = name;

        destination.Validate().Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "Name", Code = ChatbotValidationCodes.Required });
    }

    [Theory]
    [InlineData("ftp://bot.example.com/")]
    [InlineData("file:///etc/passwd")]
    public void Url_NotHttp_IsRejected(string url)
    {
        var destination = Valid();
        destination.Url = new Uri(url);

        destination.Validate().Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "Url", Code = ChatbotValidationCodes.InvalidUrl });
    }

    [Fact]
    public void Url_Relative_OrMissing_IsRejected()
    {
        var relative = Valid();
        relative.Url = new Uri("/chat", UriKind.Relative);
        var missing = Valid();
        missing.Url = null;

        relative.Validate().Should().ContainSingle().Which.Path.Should().Be("Url");
        missing.Validate().Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.Required);
    }

    [Theory]
    [InlineData("X-Api-Key", "secret\r\nInjected: yes")]
    [InlineData("X-Api-Key", "secret\n")]
    [InlineData("X-Api-Key", "a\0b")]
    public void Header_ValueWithLineBreakOrControl_IsRejected_WithoutEchoingTheValue(string name, string value)
    {
        var destination = Valid();
        destination.Headers[name] = value;

        var issue = destination.Validate().Should().ContainSingle().Subject;
        issue.Should().BeEquivalentTo(new { Path = "Headers[X-Api-Key]", Code = ChatbotValidationCodes.InvalidHeader });
        issue.Message.Should().NotContain("secret");
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("content-length")]
    public void Header_ContentTypeOrLength_IsReserved(string name)
    {
        var destination = Valid();
        destination.Headers[name] = "application/xml";

        destination.Validate().Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.ReservedHeader);
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("X-Line\r\nBreak")]
    [InlineData("Name:")]
    public void Header_InvalidName_IsRejected(string name)
    {
        var destination = Valid();
        destination.Headers[name] = "v";

        destination.Validate().Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.InvalidHeader);
    }

    [Theory]
    [InlineData("text/event-stream", true)]
    [InlineData("TEXT/Event-Stream", true)]
    [InlineData("application/json, text/event-stream;q=0.9", true)]
    [InlineData("text/event-stream; charset=utf-8", true)]
    [InlineData("text/event-stream;q=0", false)]
    [InlineData("application/json", false)]
    [InlineData("text/event-streams", false)]
    [InlineData("", false)]
    public void IsStreamingEnabled_FollowsTheAcceptHeader(string accept, bool streaming)
    {
        var destination = Valid();
        destination.Headers["accept"] = accept;

        destination.IsStreamingEnabled.Should().Be(streaming);
    }

    [Fact]
    public void IsStreamingEnabled_RemovingTheHeader_TurnsStreamingOff()
    {
        var destination = Valid();
        destination.Headers["Accept"] = "text/event-stream";
        destination.Headers.Remove("ACCEPT");

        destination.IsStreamingEnabled.Should().BeFalse();
    }

    [Fact]
    public void Limits_MustBePositive()
    {
        var destination = Valid();
        destination.Limits = new ChatbotLimits { TotalResponseTime = TimeSpan.Zero, MaxEventBytes = 0, MaxResponseBytes = -1 };

        destination.Validate().Select(issue => issue.Path).Should().Equal("Limits.TotalResponseTime", "Limits.MaxEventBytes", "Limits.MaxResponseBytes");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Limits_TotalResponseTimeAtAndPastTheLongestTimer(int extraMilliseconds, bool valid)
    {
        // A timer waits at most uint.MaxValue - 1 ms (about 49.7 days); a longer limit could never be enforced.
        var destination = Valid();
        destination.Limits.TotalResponseTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0 + extraMilliseconds);

        var issues = destination.Validate();

        if (valid)
        {
            issues.Should().BeEmpty();
        }
        else
        {
            issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "Limits.TotalResponseTime", Code = ChatbotValidationCodes.OutOfRange });
        }
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("key-\u00A0-nbsp")]
    [InlineData("emoji-\uD83D\uDE00")]
    public void Header_ValueWithNonAsciiCharacters_IsRejected_WithoutEchoingTheValue(string escaped)
    {
        // HttpClient refuses to send such a value; the call would fail only when made, as if the bot were unreachable.
        var destination = Valid();
        destination.Headers["X-Api-Key"] = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var issue = destination.Validate().Should().ContainSingle().Subject;
        issue.Should().BeEquivalentTo(new { Path = "Headers[X-Api-Key]", Code = ChatbotValidationCodes.InvalidHeader });
        issue.Message.Should().Contain("X-Api-Key").And.Contain("ASCII").And.NotContain("Zo");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(2_000, true)]
    public void Limits_FinalEventDrainTime_IsZeroOrPositive(int milliseconds, bool valid)
    {
        var destination = Valid();
        destination.Limits.FinalEventDrainTime = TimeSpan.FromMilliseconds(milliseconds);

        if (valid)
        {
            destination.Validate().Should().BeEmpty();
        }
        else
        {
            destination.Validate().Should().ContainSingle().Which.Path.Should().Be("Limits.FinalEventDrainTime");
        }
    }

    [Fact]
    public void Limits_DefaultToThePlatformsValues()
    {
        var limits = new ChatbotLimits();

        limits.FinalEventDrainTime.Should().Be(TimeSpan.FromSeconds(2));
        limits.Clone().FinalEventDrainTime.Should().Be(TimeSpan.FromSeconds(2));
        limits.TotalResponseTime.Should().Be(TimeSpan.FromSeconds(120));
        limits.MaxEventBytes.Should().Be(1_048_576);
        limits.MaxResponseBytes.Should().Be(4_194_304);
    }

    [Fact]
    public void EnsureValid_ListsEveryProblemWithItsField()
    {
        var destination = new ChatbotDestination { Name = new string('n', 60) };
        destination.Headers["Content-Type"] = "text/plain";

        var exception = FluentActions.Invoking(destination.EnsureValid).Should().Throw<ChatbotConfigurationException>().Which;

        exception.Issues.Select(issue => issue.Path).Should().Equal("Name", "Url", "Headers[Content-Type]");
        exception.Message.Should().Contain("Name").And.Contain("Url").And.Contain("Content-Type");
    }

    [Fact]
    public void Clone_IsDeep()
    {
        var original = Valid();
        original.Headers["X-Api-Key"] = "a";
        original.UrlParameters["tenant"] = "1";

        var copy = original.Clone();
        copy.Headers["X-Api-Key"] = "b";
        copy.UrlParameters["tenant"] = "2";
        copy.Limits.MaxEventBytes = 10;

        original.Headers["x-api-key"].Should().Be("a");
        original.UrlParameters["tenant"].Should().Be("1");
        original.Limits.MaxEventBytes.Should().Be(ChatbotLimits.DefaultMaxEventBytes);
    }
}

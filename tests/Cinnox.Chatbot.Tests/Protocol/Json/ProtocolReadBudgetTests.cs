using System.Text;

namespace Cinnox.Chatbot.Tests;

/// <summary>docs/protocol.md#hostile-bots: the caps on what a reader builds, each exactly at its boundary.</summary>
public class ProtocolReadBudgetTests
{
    private static string Advanced(params string[] containers) =>
        "{\"message\":{\"type\":5,\"advanced\":\"AdvancedMessage\",\"advancedItems\":[" + string.Join(',', containers) + "]}}";

    private static string Bubble(int items) =>
        "{\"type\":1,\"items\":[" + string.Join(',', Enumerable.Repeat("{\"type\":9,\"text\":\"t\"}", items)) + "]}";

    [Fact]
    public void ParseReply_ExactlyMaxAdvancedContainers_IsRead()
    {
        var message = (ChatbotAdvancedMessage)Parse(Advanced("{}", "{\"type\":3}", Bubble(1)), limits => limits.MaxAdvancedContainers = 3);

        message.AdvancedItems.Should().HaveCount(3);
    }

    [Fact]
    public void ParseReply_OneContainerMoreThanTheCap_NamesTheCapAndThePath()
    {
        var parse = () => Parse(Advanced("{}", "{\"type\":3}", Bubble(1), "{}"), limits => limits.MaxAdvancedContainers = 3);

        var error = parse.Should().Throw<ChatbotProtocolException>().Which;
        error.Path.Should().Be("$.message.advancedItems[3]");
        error.Message.Should().Contain("MaxAdvancedContainers").And.Contain("3");
    }

    [Fact]
    public void ParseReply_CarouselBubbles_CountAsContainers()
    {
        var carousel = "{\"type\":2,\"items\":[" + Bubble(1) + "," + Bubble(1) + "]}";

        Parse(Advanced(carousel), limits => limits.MaxAdvancedContainers = 3).Should().BeOfType<ChatbotAdvancedMessage>();
        var parse = () => Parse(Advanced(carousel), limits => limits.MaxAdvancedContainers = 2);
        parse.Should().Throw<ChatbotProtocolException>().Which.Path.Should().Be("$.message.advancedItems[0].items[1]");
    }

    [Fact]
    public void ParseReply_ItemsAcrossContainers_AreCappedInAll()
    {
        Parse(Advanced(Bubble(2), Bubble(2)), limits => limits.MaxAdvancedItems = 4).Should().BeOfType<ChatbotAdvancedMessage>();

        var parse = () => Parse(Advanced(Bubble(2), Bubble(3)), limits => limits.MaxAdvancedItems = 4);

        var error = parse.Should().Throw<ChatbotProtocolException>().Which;
        error.Path.Should().Be("$.message.advancedItems[1].items[2]");
        error.Message.Should().Contain("MaxAdvancedItems");
    }

    [Fact]
    public void ParseReply_ButtonImagesAndUnknownItems_CountAsItems()
    {
        var button = "{\"type\":12,\"text\":\"b\",\"action\":{\"type\":1,\"text\":\"b\"},\"items\":[{\"type\":10,\"fileUrl\":\"https://x.example/a.png\"}]}";
        var list = "{\"type\":4,\"items\":[{\"type\":9,\"title\":\"h\",\"text\":\"h\"}," + button + ",{\"type\":77}]}";

        Parse(Advanced(list), limits => limits.MaxAdvancedItems = 4).Should().BeOfType<ChatbotAdvancedMessage>();
        var parse = () => Parse(Advanced(list), limits => limits.MaxAdvancedItems = 3);
        parse.Should().Throw<ChatbotProtocolException>().Which.Message.Should().Contain("MaxAdvancedItems");
    }

    [Fact]
    public void ParseReply_NestingExactlyAtMaxJsonDepth_IsRead()
    {
        // {"message":{...,"x":[[...]]}}: the body object and the message take two levels.
        static string Nested(int arrays) => "{\"message\":{\"type\":1,\"text\":\"a\",\"x\":" + new string('[', arrays) + new string(']', arrays) + "}}";

        Parse(Nested(8), limits => limits.MaxJsonDepth = 10).Should().BeOfType<ChatbotTextMessage>();
        var parse = () => Parse(Nested(9), limits => limits.MaxJsonDepth = 10);
        parse.Should().Throw<ChatbotProtocolException>().Which.Message.Should().Contain("depth");
    }

    [Fact]
    public void ParseReply_UnknownContentExactlyAtTheCap_IsKept()
    {
        // "ab":12 counts 2 + 2 bytes; the unknown container {"type":77} counts its 11 bytes.
        const string Json = "{\"message\":{\"type\":5,\"ab\":12,\"advancedItems\":[{\"type\":77}]}}";

        var message = (ChatbotAdvancedMessage)Parse(Json, limits => limits.MaxUnknownPayloadBytes = 15);

        message.AdditionalProperties!["ab"].GetInt32().Should().Be(12);
        message.AdvancedItems[0].Should().BeOfType<UnknownContainer>();
    }

    [Fact]
    public void ParseReply_UnknownContentOneByteOverTheCap_NamesTheCap()
    {
        const string Json = "{\"message\":{\"type\":5,\"ab\":12,\"advancedItems\":[{\"type\":77}]}}";

        var parse = () => Parse(Json, limits => limits.MaxUnknownPayloadBytes = 14);

        var error = parse.Should().Throw<ChatbotProtocolException>().Which;
        error.Message.Should().Contain("MaxUnknownPayloadBytes");
        error.Path.Should().Be("$.message.advancedItems[0]");
    }

    [Fact]
    public void ParseReply_UnknownMessageLargerThanTheCap_IsRefused()
    {
        var json = "{\"message\":{\"type\":7,\"payload\":\"" + new string('x', 100) + "\"}}";

        Parse(json, limits => limits.MaxUnknownPayloadBytes = json.Length - 12).Should().BeOfType<ChatbotUnknownMessage>();
        var parse = () => Parse(json, limits => limits.MaxUnknownPayloadBytes = json.Length - 13);
        parse.Should().Throw<ChatbotProtocolException>().Which.Message.Should().Contain("MaxUnknownPayloadBytes");
    }

    [Fact]
    public async Task ReadReplyAsync_ContainersOverTheCap_IsInvalidResponseWithTheReason()
    {
        var limits = new ChatbotLimits { MaxAdvancedContainers = 2 };
        var reply = await ChatbotReplyReaderTests.ReadAsync(Advanced(Bubble(1), Bubble(1), Bubble(1)), "application/json", limits: limits);

        reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
        reply.FailureReason.Should().Contain("MaxAdvancedContainers");
        reply.Message.Should().BeNull();
    }

    [Fact]
    public async Task ReadReplyAsync_MaxWarnings_KeepsExactlyThatManyAndCountsTheRest()
    {
        var limits = new ChatbotLimits { MaxWarnings = 2 };
        var body = string.Concat(Enumerable.Repeat("data: x\n\n", 5)) + "data: {\"message\":{\"type\":1,\"text\":\"ok\"}}\n\n";

        var reply = await ChatbotReplyReaderTests.ReadAsync(body, "text/event-stream", limits: limits);

        reply.Text.Should().Be("ok");
        reply.Warnings.Should().HaveCount(3);
        reply.Warnings[^1].Code.Should().Be(ChatbotWarningCodes.WarningsSuppressed);
        reply.Warnings[^1].Message.Should().Contain("3 more warnings").And.Contain("at most 2");
    }

    [Theory]
    [InlineData(nameof(ChatbotLimits.MaxAdvancedContainers))]
    [InlineData(nameof(ChatbotLimits.MaxAdvancedItems))]
    [InlineData(nameof(ChatbotLimits.MaxJsonDepth))]
    [InlineData(nameof(ChatbotLimits.MaxWarnings))]
    [InlineData(nameof(ChatbotLimits.MaxUnknownPayloadBytes))]
    public void Validate_ZeroCap_NamesTheField(string field)
    {
        var destination = new ChatbotDestination { Name = "Bot", Url = new Uri("https://bot.example/x") };
        typeof(ChatbotLimits).GetProperty(field)!.SetValue(destination.Limits, 0);

        destination.Validate().Should().ContainSingle().Which.Path.Should().Be("Limits." + field);
    }

    [Fact]
    public void Clone_CopiesTheReadCaps()
    {
        var limits = new ChatbotLimits { MaxAdvancedContainers = 1, MaxAdvancedItems = 2, MaxJsonDepth = 3, MaxWarnings = 4, MaxUnknownPayloadBytes = 5 };

        limits.Clone().Should().BeEquivalentTo(limits);
    }

    private static ChatbotMessage Parse(string json, Action<ChatbotLimits> configure)
    {
        var limits = new ChatbotLimits();
        configure(limits);
        return ChatbotJson.ParseReply(Encoding.UTF8.GetBytes(json), limits);
    }
}

using System.Text.Json;

namespace Cinnox.Chatbot.Tests;

public partial class ChatbotJsonTests
{
    [Fact]
    public void ParseReply_UnknownPropertiesEverywhere_AreIgnoredAndKept()
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply("""
            {"id":"r1","message":{"type":5,"advanced":"AdvancedMessage","lang":"en","advancedItems":[
              {"type":1,"style":"compact","items":[{"type":9,"text":"hi","color":"red"}]}]}}
            """);

        message.AdditionalProperties!.Should().ContainKey("lang");
        message.AdvancedItems[0].AdditionalProperties!.Should().ContainKey("style");
        ((BubbleContainer)message.AdvancedItems[0]).Items[0].AdditionalProperties!["color"].GetString().Should().Be("red");
        ChatbotJson.SerializeReplyToString(message).Should().Contain("\"color\":\"red\"");
    }

    [Fact]
    public void ParseReply_TypeAnywhereInTheObjectOrAsNumericString_IsUnderstood()
    {
        var message = ChatbotJson.ParseReply("""{"message":{"text":"hi","streamType":"final","type":"1"}}""");

        message.Should().BeOfType<ChatbotTextMessage>().Which.StreamType!.Value.IsTerminal.Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"message":{"type":3,"payload":{"a":1}}}""", 3)]
    [InlineData("""{"message":{"text":"no type"}}""", null)]
    [InlineData("""{"message":{"type":"card"}}""", null)]
    [InlineData("""{"message":{"type":1.5}}""", null)]
    public void ParseReply_UnknownMessageType_IsKeptWhole(string json, int? type)
    {
        var message = ChatbotJson.ParseReply(json).Should().BeOfType<ChatbotUnknownMessage>().Subject;

        message.TypeNumber.Should().Be(type);
        JsonElement.DeepEquals(message.Raw, JsonDocument.Parse(json).RootElement.GetProperty("message")).Should().BeTrue();
        ChatbotMessageValidator.Validate(message).Should().ContainSingle().Which.Severity.Should().Be(ChatbotValidationSeverity.Warning);
        ChatbotJson.SerializeReplyToString(message).Should().Be("""{"message":""" + JsonDocument.Parse(json).RootElement.GetProperty("message").GetRawText() + "}");
    }

    [Fact]
    public void ParseReply_AdvancedWithoutMarker_ReadsAsAdvanced()
    {
        var message = ChatbotJson.ParseReply("""{"message":{"type":5,"advancedItems":[{"type":1,"items":[{"type":9,"text":"x"}]}]}}""");

        message.Should().BeOfType<ChatbotAdvancedMessage>().Which.Advanced.Should().Be(ChatbotAdvancedMessage.AdvancedMarker);
    }

    [Theory]
    [InlineData("""{"message":{"type":5,"advanced":"AdvancedMessage","advancedItems":null}}""", "$.advancedItems")]
    [InlineData("""{"message":{"type":5,"advanced":"AdvancedMessage","advancedItems":[{"type":1,"items":null}]}}""", "$.advancedItems[0].items")]
    [InlineData("""{"message":{"type":5,"advanced":"AdvancedMessage","advancedItems":[{"type":2,"items":null}]}}""", "$.advancedItems[0].items")]
    public void ParseReply_NullList_ReadsAsEmptyAndValidationReportsIt(string json, string path)
    {
        // docs/protocol.md#reading-replies: a tolerant reader; null is an absent list, whatever level it sits at, and the validator names it.
        var message = ChatbotJson.ParseReply(json);

        ChatbotMessageValidator.Validate(message).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = path, Code = ChatbotValidationCodes.Empty });
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("null", "expected a JSON object")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{}", "no 'message'")]
    [InlineData("""{"message":null}""", "'message' is null")]
    [InlineData("""{"message":"hi"}""", "'message' is a string")]
    [InlineData("""{"message":{"type":1,"text":5}}""", "'$.message.text' must be a string but is a number")]
    [InlineData("""{"message":{"type":5,"advancedItems":{}}}""", "not valid CINNOX JSON")]
    [InlineData("""{"message":{"type":5,"advancedItems":[null]}}""", "'$.message.advancedItems[0]' must be an advanced container, a JSON object, but is null")]
    [InlineData("""{"message":{"type":5,"advancedItems":[7]}}""", "JSON object")]
    [InlineData("""{"message":{"type":5,"advancedItems":[{"type":1,"items":[{"type":12,"text":"b","action":"go"}]}]}}""", "'$.message.advancedItems[0].items[0].action' must be a button action")]
    [InlineData("""{"message":{"type":1,"text":"hi"}""", "not valid CINNOX JSON")]
    [InlineData("""{"message":{"type":1,"text":"hi"}} {}""", "not valid CINNOX JSON")]
    [InlineData("{\"message\":{\"type\":1,\"text\":\"\\ud800\"}}", "'$.message.text' is not valid text")]
    public void ParseReply_MalformedInput_ThrowsOnlyProtocolException(string json, string reason) =>
        FluentActions.Invoking(() => ChatbotJson.ParseReply(json))
            .Should().Throw<ChatbotProtocolException>().Which.Message.Should().ContainAll(reason.Split('|', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void ParseReply_WrongTypeDeepInside_ReportsTheJsonPath()
    {
        var exception = FluentActions.Invoking(() => ChatbotJson.ParseReply("""
            {"message":{"type":5,"advancedItems":[{"type":2,"items":[{"type":1,"items":[{"type":10,"fileUrl":[]}]}]}]}}
            """)).Should().Throw<ChatbotProtocolException>().Which;

        exception.Path.Should().Be("$.message.advancedItems[0].items[0].items[0].fileUrl");
        exception.Message.Should().Contain("must be a string but is an array");
    }

    [Fact]
    public void ParseReply_InvalidUtf8_ThrowsProtocolException() =>
        FluentActions.Invoking(() => ChatbotJson.ParseReply([.. "{\"message\":{\"type\":1,\"text\":\""u8, 0xC3, 0x28, .. "\"}}"u8]))
            .Should().Throw<ChatbotProtocolException>();

    [Theory]
    [InlineData(60, false)]
    [InlineData(200, true)]
    [InlineData(100_000, true)]
    public void ParseReply_AbsurdNesting_IsBoundedByMaxDepth(int depth, bool rejected)
    {
        // Nesting inside an unknown property: read and skipped when shallow, rejected when deeper than the limit.
        var json = "{\"message\":{\"type\":1,\"text\":\"x\",\"deep\":" + new string('[', depth) + new string(']', depth) + "}}";

        var act = () => ChatbotJson.ParseReply(json);

        if (rejected)
        {
            act.Should().Throw<ChatbotProtocolException>().Which.Message.Should().Contain("depth");
        }
        else
        {
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void ParseReply_DeeplyNestedCarousels_AreBoundedByMaxDepth()
    {
        var json = "{\"message\":{\"type\":5,\"advancedItems\":" + string.Concat(Enumerable.Repeat("[{\"type\":2,\"items\":", 40)) + "[]" + string.Concat(Enumerable.Repeat("}]", 40)) + "}}";

        FluentActions.Invoking(() => ChatbotJson.ParseReply(json)).Should().Throw<ChatbotProtocolException>();
    }

    [Fact]
    public void ParseMessage_ReadsTheMessageObjectAlone() =>
        ChatbotJson.ParseMessage("""{"type":1,"text":"partial","streamType":"delta"}"""u8)
            .Should().BeOfType<ChatbotTextMessage>().Which.Text.Should().Be("partial");

    [Theory]
    [InlineData("delta", true, false)]
    [InlineData("DELTA", true, false)]
    [InlineData("full", false, true)]
    [InlineData("Final", false, true)]
    [InlineData("DONE", false, true)]
    [InlineData("end", false, true)]
    [InlineData("complete", false, true)]
    [InlineData("chunk", false, false)]
    public void StreamType_KnownValues_CompareCaseInsensitively(string value, bool delta, bool terminal)
    {
        var streamType = new ChatbotStreamType(value);

        streamType.IsDelta.Should().Be(delta);
        streamType.IsTerminal.Should().Be(terminal);
        streamType.IsKnown.Should().Be(delta || terminal);
        (streamType == new ChatbotStreamType(value.ToUpperInvariant())).Should().BeTrue();
    }

    [Fact]
    public void StreamType_UnknownValue_SurvivesARoundTrip() =>
        ChatbotJson.SerializeReplyToString(ChatbotJson.ParseReply("""{"message":{"type":1,"text":"x","streamType":"Chunk"}}"""))
            .Should().Contain("\"streamType\":\"Chunk\"");
}

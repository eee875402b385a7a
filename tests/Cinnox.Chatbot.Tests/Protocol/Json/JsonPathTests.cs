namespace Cinnox.Chatbot.Tests;

public class JsonPathTests
{
    [Fact]
    public void Describe_PushedSegments_WritesSystemTextJsonDialect()
    {
        var path = new JsonPath();
        path.Push("advancedItems", 0);
        path.Push("items");
        path.Push(2);

        path.Describe("text").Should().Be("$.advancedItems[0].items[2].text");
    }

    [Fact]
    public void Pop_GoesBackUpOneStep()
    {
        var path = new JsonPath("$.message");
        path.Push("advancedItems", 3);
        path.Push("action");
        path.Pop();

        path.Describe().Should().Be("$.message.advancedItems[3]");
    }

    [Fact]
    public void StaticHelpers_BuildTheSameTextAsAWalk()
    {
        var walked = new JsonPath();
        walked.Push("advancedItems", 1);
        walked.Push("items", 4);

        JsonPath.Element(JsonPath.Element(JsonPath.Root, "advancedItems", 1), "items", 4).Should().Be(walked.Describe());
        JsonPath.Property(JsonPath.Root, "message").Should().Be("$.message");
    }

    [Fact]
    public void ReadingErrorAndValidationIssue_NameTheSamePlaceTheSameWay()
    {
        // The same broken URL, found once by the reader (wrong JSON type) and once by the validator (not http).
        var unreadable = FluentActions.Invoking(() => ChatbotJson.ParseMessage(
            """{"type":5,"advanced":"AdvancedMessage","advancedItems":[{"type":1,"items":[{"type":10,"fileUrl":7}]}]}"""u8))
            .Should().Throw<ChatbotProtocolException>().Which;
        var invalid = ChatbotMessageValidator.Validate(ChatbotJson.ParseMessage(
            """{"type":5,"advanced":"AdvancedMessage","advancedItems":[{"type":1,"items":[{"type":10,"fileUrl":"ftp://x/a.png"}]}]}"""u8));

        unreadable.Path.Should().Be("$.advancedItems[0].items[0].fileUrl");
        invalid.Should().ContainSingle().Which.Path.Should().Be(unreadable.Path);
    }
}

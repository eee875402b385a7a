namespace Cinnox.Chatbot.Tests;

public class BubbleOrderTests
{
    private static readonly AdvancedItem Text = new TextItem(text: "t");
    private static readonly AdvancedItem Image = new ImageItem("https://example.com/a.png");
    private static readonly AdvancedItem Button = new ButtonItem("b", ButtonAction.Postback("p"));

    [Fact]
    public void TryAccept_TextMediaButton_AcceptsEach()
    {
        var order = new BubbleOrder();

        foreach (var item in new[] { Text, Text, Image, Image, Button, Button })
        {
            order.TryAccept(item, out var problem).Should().BeTrue(problem);
        }
    }

    [Theory]
    [InlineData(1, 0, "A text item cannot follow a media item")]
    [InlineData(2, 1, "A media item cannot follow a button item")]
    [InlineData(2, 0, "A text item cannot follow a button item")]
    public void TryAccept_ItemBeforeOneSeen_IsRefusedWithTheRule(int first, int second, string expected)
    {
        AdvancedItem[] items = [Text, Image, Button];
        var order = new BubbleOrder();
        order.TryAccept(items[first], out _).Should().BeTrue();

        order.TryAccept(items[second], out var problem).Should().BeFalse();

        problem.Should().StartWith(expected).And.Contain("Text → Media → Button");
    }

    [Fact]
    public void TryAccept_UnknownItem_HasNoPlaceInTheOrder()
    {
        var order = new BubbleOrder();
        order.TryAccept(Button, out _);

        order.TryAccept(new UnknownItem(System.Text.Json.JsonDocument.Parse("""{"type":14}""").RootElement), out _).Should().BeTrue();
        order.TryAccept(null, out _).Should().BeTrue();
    }

    [Fact]
    public void BuilderAndValidator_RefuseTheSameItemWithTheSameRule()
    {
        var built = FluentActions.Invoking(() => new AdvancedMessageBuilder().AddBubble(bubble => bubble.AddPostbackButton("b", "p").AddText(text: "t")))
            .Should().Throw<ChatbotValidationException>().Which.Issues.Single();
        var validated = ChatbotMessageValidator.Validate(new ChatbotAdvancedMessage([new BubbleContainer([Button, Text])])).Single();

        built.Should().BeEquivalentTo(new { validated.Path, validated.Code });
        built.Message.Should().StartWith(validated.Message);
    }
}

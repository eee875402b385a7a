using System.Text.Json.Nodes;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public class AdvancedMessageBuilderTests
{
    [Fact]
    public void Advanced_RebuildsTheQuickReplyExampleOfTheHelpPage()
    {
        var message = ChatbotMessages.Advanced(builder => builder
            .AddBubble(bubble => bubble
                .AddText(title: "Good Result Learning Center", text: "Your Exam Expert", footer: "Join us now!")
                .AddImage("https://www.grlc/teaching.png"))
            .AddQuickReply(reply => reply
                .AddUrlButton("Website", "https://www.grlc.com")
                .AddPostbackButton("Email", "[email protected]")
                .AddPostbackButton("Address", "Flat 3, 2/F, ABC Building, Castle Peak Road, Tsuen Wan, N.T.")));

        JsonNode.DeepEquals(JsonNode.Parse(ChatbotJson.SerializeReply(message)), JsonNode.Parse(SeedExamples.Text("reply-advanced-quick-reply")))
            .Should().BeTrue();
    }

    [Fact]
    public void Advanced_RebuildsTheBubbleButtonExample()
    {
        var message = ChatbotMessages.Advanced(builder => builder
            .AddBubble(bubble => bubble
                .AddText(title: "Title", text: "Body", footer: "Footer")
                .AddImage("https://www.grlc/teaching.png")
                .AddPostbackButton("Button1", "123")
                .AddUrlButton("Button2", "https://www.grlc.com")));

        JsonNode.DeepEquals(JsonNode.Parse(ChatbotJson.SerializeReply(message)), JsonNode.Parse(SeedExamples.Text("reply-advanced-bubble-button-2")))
            .Should().BeTrue();
    }

    [Fact]
    public void Bubble_AddingTextAfterAButton_FailsAtOnceWithRuleAndPath()
    {
        var builder = new AdvancedMessageBuilder();

        var act = () => builder.AddBubble(bubble => bubble.AddPostbackButton("Yes", "yes").AddText(text: "late"));

        act.Should().Throw<ChatbotValidationException>().Which.Issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = "$.advancedItems[0].items[1]",
            Code = ChatbotValidationCodes.Order,
        });
    }

    [Fact]
    public void QuickReply_21CharacterButton_FailsWithThePathItWouldHave()
    {
        var builder = new AdvancedMessageBuilder().AddBubble(bubble => bubble.AddText(text: "hi"));

        var act = () => builder.AddQuickReply(reply => reply.AddPostbackButton("ok", "ok").AddPostbackButton(new string('x', 21), "x"));

        act.Should().Throw<ChatbotValidationException>().Which.Issues.Single().Path.Should().Be("$.advancedItems[1].items[1].text");
    }

    [Fact]
    public void Bubble_20CharacterButton_IsAccepted() =>
        ChatbotMessages.Advanced(builder => builder.AddBubble(bubble => bubble.AddPostbackButton(new string('x', 20), "x")))
            .AdvancedItems.Should().ContainSingle();

    [Fact]
    public void Image_WithUnsupportedFormat_Fails() =>
        FluentActions.Invoking(() => ChatbotMessages.Advanced(builder => builder.AddBubble(bubble => bubble.AddImage("https://x.example/a.gif"))))
            .Should().Throw<ChatbotValidationException>().Which.Issues.Single().Code.Should().Be(ChatbotValidationCodes.UnsupportedMediaFormat);

    [Fact]
    public void List_BuildsHeaderAndEntries()
    {
        var message = ChatbotMessages.Advanced(builder => builder
            .AddList("Our courses", "Pick one", list => list
                .AddEntry("Maths", "Algebra and geometry", ButtonAction.Postback("maths"), "https://x.example/maths.png")
                .AddEntry("Talk to us", null, ButtonAction.DirectTransfer())));

        var list = message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<ListContainer>().Subject;
        list.Header!.Title.Should().Be("Our courses");
        list.Entries.Select(entry => entry.Title).Should().Equal("Maths", "Talk to us");
        list.Entries.Last().Action.Should().BeOfType<PostbackAction>().Which.Keyword.Should().Be(ChatbotAction.DirectTransfer);
        ChatbotMessageValidator.Validate(message).Should().BeEmpty();
    }

    [Fact]
    public void List_WithoutEntries_FailsAtBuild() =>
        FluentActions.Invoking(() => ChatbotMessages.Advanced(builder => builder.AddList("Menu", null, _ => { })))
            .Should().Throw<ChatbotValidationException>().Which.Issues.Single().Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items", Code = ChatbotValidationCodes.Empty });

    [Fact]
    public void List_WithoutHeader_FailsAtOnce() =>
        FluentActions.Invoking(() => ChatbotMessages.Advanced(builder => builder.AddList(null, "", _ => { })))
            .Should().Throw<ChatbotValidationException>().Which.Issues.Single().Path.Should().Be("$.advancedItems[0].items[0]");

    [Fact]
    public void Carousel_BuildsBubbles_AndReportsPathsInside()
    {
        var message = ChatbotMessages.Advanced(builder => builder.AddCarousel(carousel => carousel
            .AddBubble(bubble => bubble.AddText(title: "One").AddPostbackButton("Pick", "1"))
            .AddBubble(bubble => bubble.AddText(title: "Two").AddPostbackButton("Pick", "2"))));

        message.AdvancedItems.Single().Should().BeOfType<CarouselContainer>().Which.Items.Should().HaveCount(2).And.AllBeOfType<BubbleContainer>();

        FluentActions.Invoking(() => ChatbotMessages.Advanced(builder => builder.AddCarousel(carousel => carousel
                .AddBubble(bubble => bubble.AddText(title: "One"))
                .AddBubble(bubble => bubble.AddText(title: new string('t', 10_001))))))
            .Should().Throw<ChatbotValidationException>().Which.Issues.Single().Path.Should().Be("$.advancedItems[0].items[1].items[0].title");
    }

    [Fact]
    public void EmptyMessage_FailsAtBuild() =>
        FluentActions.Invoking(() => new AdvancedMessageBuilder().Build())
            .Should().Throw<ChatbotValidationException>().Which.Issues.Single().Path.Should().Be("$.advancedItems");

    [Fact]
    public void TextFactories_ProduceKeywordsAndRejectBlankText()
    {
        ChatbotMessages.DirectTransfer().Action.Should().Be(ChatbotAction.DirectTransfer);
        ChatbotMessages.CloseEnquiry().Action.Should().Be(ChatbotAction.CloseEnquiry);
        ChatbotMessages.Text("Hello").Text.Should().Be("Hello");
        FluentActions.Invoking(() => ChatbotMessages.Text(" ")).Should().Throw<ChatbotValidationException>();
    }

    [Theory]
    [InlineData("DIRECT_TRANSFER", ChatbotAction.DirectTransfer)]
    [InlineData("  CLOSE_ENQUIRY\n", ChatbotAction.CloseEnquiry)]
    [InlineData("direct_transfer", ChatbotAction.None)]
    [InlineData("Please DIRECT_TRANSFER", ChatbotAction.None)]
    [InlineData("CLOSE_ENQUIRY.", ChatbotAction.None)]
    [InlineData("", ChatbotAction.None)]
    public void Keywords_AreExactAfterTrimming(string text, ChatbotAction expected) =>
        ChatbotKeywords.GetAction(text).Should().Be(expected);
}

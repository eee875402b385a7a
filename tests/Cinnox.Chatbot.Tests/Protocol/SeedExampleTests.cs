using System.Text.Json.Nodes;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public class SeedExampleTests
{
    public static TheoryData<string> Replies => [.. SeedExamples.ReplyNames];

    [Fact]
    public void SeedCopies_MatchEveryJsonBlockOfTheHelpPage()
    {
        var fromPage = SeedExamples.ExtractFromSeedText(SeedExamples.HelpPageText()).Select(block => JsonNode.Parse(block)).ToList();
        var copies = SeedExamples.AllNames.Select(name => JsonNode.Parse(SeedExamples.Text(name))).ToList();

        fromPage.Should().HaveCount(12);
        foreach (var block in fromPage)
        {
            copies.Should().Contain(copy => JsonNode.DeepEquals(copy, block), "every example on the page has a verbatim copy");
        }

        foreach (var copy in copies)
        {
            fromPage.Should().Contain(block => JsonNode.DeepEquals(copy, block), "every copy comes from the page");
        }
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void ParseReply_SeedExample_WritesBackEquivalentJson(string name)
    {
        var message = ChatbotJson.ParseReply(SeedExamples.Utf8(name));

        var written = ChatbotJson.SerializeReplyToString(message);

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(SeedExamples.Text(name)))
            .Should().BeTrue($"the example should survive a round trip, but was written as {written}");
    }

    [Fact]
    public void ParseReply_TextExample_IsTextMessageWithoutAction()
    {
        var message = ChatbotJson.ParseReply(SeedExamples.Utf8("reply-text"));

        var text = message.Should().BeOfType<ChatbotTextMessage>().Subject;
        text.Text.Should().Be("Please contact our customer service support.");
        text.Action.Should().Be(ChatbotAction.None);
        text.StreamType.Should().BeNull();
        ChatbotMessageValidator.Validate(text).Should().BeEmpty();
    }

    [Fact]
    public void ParseReply_StreamDeltaEvent_HasDeltaStreamType()
    {
        var message = ChatbotJson.ParseReply(SeedExamples.Utf8("stream-delta-event"));

        var text = message.Should().BeOfType<ChatbotTextMessage>().Subject;
        text.Text.Should().Be("partial text");
        text.StreamType.Should().Be(ChatbotStreamType.Delta);
        text.StreamType!.Value.IsDelta.Should().BeTrue();
    }

    [Fact]
    public void ParseReply_BubbleTextExample_HasOneBubbleWithTitleTextFooter()
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply(SeedExamples.Utf8("reply-advanced-bubble-text"));

        message.Advanced.Should().Be("AdvancedMessage");
        var bubble = message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<BubbleContainer>().Subject;
        var text = bubble.Items.Should().ContainSingle().Which.Should().BeOfType<TextItem>().Subject;
        (text.Title, text.Text, text.Footer).Should().Be(("Title", "Body text", "Footer text"));
        ChatbotMessageValidator.Validate(message).Should().BeEmpty();
    }

    [Fact]
    public void ParseReply_QuickReplyExample_HasBubbleThenThreeButtons()
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply(SeedExamples.Utf8("reply-advanced-quick-reply"));

        message.AdvancedItems.Should().HaveCount(2);
        var bubble = message.AdvancedItems[0].Should().BeOfType<BubbleContainer>().Subject;
        bubble.Items.Select(item => item.GetType()).Should().Equal(typeof(TextItem), typeof(ImageItem));
        ((ImageItem)bubble.Items[1]).FileUrl.Should().Be("https://www.grlc/teaching.png");

        var quickReply = message.AdvancedItems[1].Should().BeOfType<QuickReplyContainer>().Subject;
        var buttons = quickReply.Items.Cast<ButtonItem>().ToList();
        buttons.Select(button => button.Text).Should().Equal("Website", "Email", "Address");
        buttons[0].Action.Should().BeOfType<OpenUrlAction>().Which.Url.Should().Be("https://www.grlc.com");
        buttons[2].Action.Should().BeOfType<PostbackAction>().Which.Text.Should().StartWith("Flat 3, 2/F");
        ChatbotMessageValidator.Validate(message).Should().BeEmpty();
    }

    [Theory]
    [InlineData("reply-advanced-bubble-button-1", 3)]
    [InlineData("reply-advanced-bubble-button-2", 4)]
    public void ParseReply_BubbleButtonExamples_AreValidBubbles(string name, int itemCount)
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply(SeedExamples.Utf8(name));

        var bubble = message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<BubbleContainer>().Subject;
        bubble.Items.Should().HaveCount(itemCount);
        bubble.Items.OfType<ButtonItem>().Select(button => button.Action!.Type).Should().Equal(1, 2);
        ChatbotMessageValidator.Validate(message).Should().BeEmpty();
    }

    [Fact]
    public void ParseReply_ListExample_HasHeaderAndTwoEntries_AndOnlyItsPlaceholderUrlsAreReported()
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply(SeedExamples.Utf8("reply-advanced-list"));

        var list = message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<ListContainer>().Subject;
        list.Header!.Title.Should().Be("I am title");
        list.Header.Text.Should().Be("I am subtitle");
        var entries = list.Entries.ToList();
        entries.Select(entry => entry.Title).Should().Equal("I am item title 1", "I am item title 2");
        entries[0].Text.Should().Be("I am item description 1", "a list entry's text is a description, not a 20-character label");
        entries[0].Items.Should().ContainSingle().Which.Should().BeOfType<ImageItem>().Which.FileUrl.Should().Be("I am imageUri 1");

        // The page's list example uses placeholders ("I am imageUri 1") where image URLs go: the tolerant
        // reader keeps them and validation reports exactly those, with their paths.
        ChatbotMessageValidator.Validate(message).Should().BeEquivalentTo(
        [
            new { Path = "$.advancedItems[0].items[1].items[0].fileUrl", Code = ChatbotValidationCodes.InvalidUrl },
            new { Path = "$.advancedItems[0].items[2].items[0].fileUrl", Code = ChatbotValidationCodes.InvalidUrl },
        ]);
    }

    [Fact]
    public void ParseRequest_CurrentExample_ReadsEveryField()
    {
        var request = ChatbotJson.ParseRequest(SeedExamples.Utf8("request-current"));

        request.Format.Should().Be(ChatbotRequestFormat.Current);
        request.Query.Should().Be("user message text");
        request.QueryParams.Should().Equal(new Dictionary<string, string> { ["key"] = "value" });
        request.InquiryId.Should().Be("string");
        request.Action.Should().Be("input.unknown");
        request.AdditionalProperties.Should().BeEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(ChatbotJson.SerializeRequest(request)), JsonNode.Parse(SeedExamples.Text("request-current")))
            .Should().BeTrue();
    }

    [Fact]
    public void ParseRequest_LegacyExample_IsLegacyAndWritesBackTheSame()
    {
        var request = ChatbotJson.ParseRequest(SeedExamples.Utf8("request-legacy"));

        request.Format.Should().Be(ChatbotRequestFormat.Legacy);
        request.Query.Should().Be("...");
        JsonNode.DeepEquals(
                JsonNode.Parse(ChatbotJson.SerializeRequest(request, ChatbotRequestFormat.Legacy)),
                JsonNode.Parse(SeedExamples.Text("request-legacy")))
            .Should().BeTrue();
    }

    [Fact]
    public void ParseRequest_ContextFieldsExampleWithQuery_ReadsAllElevenFields()
    {
        var body = JsonNode.Parse(SeedExamples.Text("request-context-fields"))!.AsObject();
        body["query"] = "hi";

        var request = ChatbotJson.ParseRequest(body.ToJsonString());

        request.Context.GetFields().Select(field => field.Key).Should().Equal(ChatbotEnquiryContext.FieldNames);
        request.Context.GetFields().Should().OnlyContain(field => field.Value == "string");
        request.AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public void Destination_WithSeedAcceptHeader_HasStreamingOn()
    {
        var headers = JsonNode.Parse(SeedExamples.Text("destination-accept-header"))!.AsObject();
        var destination = new ChatbotDestination { Name = "Support Chatbot", Url = new Uri("https://bot.example.com/chat") };
        foreach (var (name, value) in headers)
        {
            destination.Headers[name] = value!.GetValue<string>();
        }

        destination.IsStreamingEnabled.Should().BeTrue();
        destination.Validate().Should().BeEmpty();
    }
}

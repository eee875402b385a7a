namespace Cinnox.Chatbot.Tests;

public class ChatbotMessageValidatorTests
{
    private static ChatbotAdvancedMessage Bubble(params AdvancedItem[] items) => new([new BubbleContainer(items)]);

    private static ButtonItem Button(string text) => new(text, ButtonAction.Postback("ok"));

    private static IReadOnlyList<ChatbotValidationIssue> Errors(ChatbotMessage message) =>
        [.. ChatbotMessageValidator.Validate(message).Where(issue => issue.Severity == ChatbotValidationSeverity.Error)];

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void Button_TextUpTo20Characters_IsValid(int length) =>
        Errors(Bubble(Button(new string('b', length)))).Should().BeEmpty();

    [Fact]
    public void Button_Text21Characters_IsTooLongAtItsPath()
    {
        var issues = Errors(Bubble(new TextItem(text: "hi"), Button(new string('b', 21))));

        issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = "$.advancedItems[0].items[1].text",
            Code = ChatbotValidationCodes.TooLong,
        });
        issues[0].Message.Should().Contain("21").And.Contain("20");
    }

    [Fact]
    public void Button_TextCountsUtf16CodeUnits_SoTenEmojiAreTwentyCharacters()
    {
        Errors(Bubble(Button(string.Concat(Enumerable.Repeat("👍", 10))))).Should().BeEmpty();
        Errors(Bubble(Button(string.Concat(Enumerable.Repeat("👍", 10)) + "!"))).Should().ContainSingle(issue => issue.Code == ChatbotValidationCodes.TooLong);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Button_WithoutText_IsRequired(string? text) =>
        Errors(Bubble(new ButtonItem { Text = text, Action = ButtonAction.Postback("x") }))
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items[0].text", Code = ChatbotValidationCodes.Required });

    [Theory]
    [InlineData("title")]
    [InlineData("text")]
    [InlineData("footer")]
    public void TextItem_Field10000Characters_IsValid_And10001IsTooLong(string field)
    {
        static TextItem With(string field, int length)
        {
            var value = new string('t', length);
            return field switch
            {
                "title" => new TextItem(title: value),
                "text" => new TextItem(text: value),
                _ => new TextItem(footer: value),
            };
        }

        Errors(Bubble(With(field, 10_000))).Should().BeEmpty();
        Errors(Bubble(With(field, 10_001))).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = $"$.advancedItems[0].items[0].{field}",
            Code = ChatbotValidationCodes.TooLong,
        });
    }

    [Fact]
    public void TextItem_WithNothing_IsRequired() =>
        Errors(Bubble(new TextItem())).Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.Required);

    [Theory]
    [InlineData("https://cdn.example.com/a.jpeg")]
    [InlineData("https://cdn.example.com/a.jpg")]
    [InlineData("https://cdn.example.com/a.PNG")]
    [InlineData("http://cdn.example.com/a.webp")]
    [InlineData("https://cdn.example.com/image")]
    [InlineData("https://cdn.example.com/a.png?size=large#top")]
    public void Image_SupportedOrNoExtension_IsValid(string url) =>
        Errors(Bubble(new ImageItem(url))).Should().BeEmpty();

    [Theory]
    [InlineData("https://cdn.example.com/a.gif")]
    [InlineData("https://cdn.example.com/a.mp4")]
    [InlineData("https://cdn.example.com/a.svg?x=.png")]
    public void Image_UnsupportedExtension_IsReported(string url) =>
        Errors(Bubble(new ImageItem(url))).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = "$.advancedItems[0].items[0].fileUrl",
            Code = ChatbotValidationCodes.UnsupportedMediaFormat,
        });

    [Theory]
    [InlineData("mp4", true)]
    [InlineData("3gp", true)]
    [InlineData("3gpp", true)]
    [InlineData("mov", false)]
    public void Video_Extensions(string extension, bool valid) =>
        Errors(Bubble(new VideoItem($"https://cdn.example.com/clip.{extension}"))).Should().HaveCount(valid ? 0 : 1);

    [Theory]
    [InlineData("m4a", true)]
    [InlineData("w4a", true)]
    [InlineData("mp3", true)]
    [InlineData("wav", true)]
    [InlineData("mpeg", true)]
    [InlineData("aac", true)]
    [InlineData("ogg", false)]
    [InlineData("flac", false)]
    public void Audio_Extensions(string extension, bool valid) =>
        Errors(Bubble(new AudioItem($"https://cdn.example.com/voice.{extension}"))).Should().HaveCount(valid ? 0 : 1);

    [Theory]
    [InlineData("ftp://cdn.example.com/a.png")]
    [InlineData("/relative/a.png")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Media_NonHttpUrl_IsReported(string url) =>
        Errors(Bubble(new ImageItem(url))).Should().ContainSingle().Which.Path.Should().Be("$.advancedItems[0].items[0].fileUrl");

    [Fact]
    public void Bubble_InOrderTextMediaButton_IsValid() =>
        Errors(Bubble(new TextItem(text: "a"), new TextItem(text: "b"), new ImageItem("https://x.example/a.png"), new VideoItem("https://x.example/a.mp4"), Button("one"), Button("two")))
            .Should().BeEmpty();

    [Fact]
    public void Bubble_MediaAfterButton_IsAnOrderErrorAtTheMisplacedItem() =>
        Errors(Bubble(new TextItem(text: "a"), Button("one"), new ImageItem("https://x.example/a.png")))
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items[2]", Code = ChatbotValidationCodes.Order });

    [Fact]
    public void Bubble_TextAfterMedia_IsAnOrderError() =>
        Errors(Bubble(new ImageItem("https://x.example/a.png"), new TextItem(text: "late")))
            .Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.Order);

    [Fact]
    public void Bubble_Empty_IsReported() =>
        Errors(Bubble()).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items", Code = ChatbotValidationCodes.Empty });

    [Fact]
    public void QuickReply_WithNonButton_IsReported()
    {
        var message = new ChatbotAdvancedMessage([new QuickReplyContainer([Button("yes"), new TextItem(text: "no")])]);

        Errors(message).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items[1]", Code = ChatbotValidationCodes.ItemNotAllowed });
    }

    [Fact]
    public void Carousel_OfBubbles_IsValid_AndNonBubbleIsReported()
    {
        var valid = new ChatbotAdvancedMessage([new CarouselContainer([new BubbleContainer([new TextItem(text: "a")]), new BubbleContainer([Button("b")])])]);
        var invalid = new ChatbotAdvancedMessage([new CarouselContainer([new BubbleContainer([new TextItem(text: "a")]), new QuickReplyContainer([Button("b")])])]);

        Errors(valid).Should().BeEmpty();
        Errors(invalid).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items[1]", Code = ChatbotValidationCodes.ItemNotAllowed });
    }

    [Fact]
    public void Carousel_BubbleRulesApplyInside() =>
        Errors(new ChatbotAdvancedMessage([new CarouselContainer([new BubbleContainer([Button(new string('x', 21))])])]))
            .Should().ContainSingle().Which.Path.Should().Be("$.advancedItems[0].items[0].items[0].text");

    [Fact]
    public void List_HeaderThenEntries_IsValid_EvenWithLongDescriptions()
    {
        var list = new ListContainer(new TextItem("Menu", "Pick one"),
        [
            new ButtonItem { Title = "First", Text = new string('d', 500), Action = ButtonAction.Postback("1"), Items = [new ImageItem("https://x.example/1.png")] },
            new ButtonItem { Title = "Second", Action = ButtonAction.OpenUrl("https://x.example") },
        ]);

        Errors(new ChatbotAdvancedMessage([list])).Should().BeEmpty();
    }

    [Fact]
    public void List_EntryWithTwoImages_IsAListShapeError()
    {
        var entry = new ButtonItem { Title = "First", Action = ButtonAction.Postback("1"), Items = [new ImageItem("https://x.example/1.png"), new ImageItem("https://x.example/2.png")] };

        Errors(new ChatbotAdvancedMessage([new ListContainer(new TextItem("Menu"), [entry])]))
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items[1].items", Code = ChatbotValidationCodes.ListShape });
    }

    [Fact]
    public void List_EntryWithVideo_IsAListShapeError()
    {
        var entry = new ButtonItem { Title = "First", Action = ButtonAction.Postback("1"), Items = [new VideoItem("https://x.example/1.mp4")] };

        Errors(new ChatbotAdvancedMessage([new ListContainer(new TextItem("Menu"), [entry])]))
            .Should().ContainSingle().Which.Path.Should().Be("$.advancedItems[0].items[1].items[0]");
    }

    [Fact]
    public void List_WithoutHeader_OrWithoutEntries_IsReported()
    {
        var noHeader = new ListContainer { Items = [new ButtonItem { Title = "A", Action = ButtonAction.Postback("a") }, new ButtonItem { Title = "B", Action = ButtonAction.Postback("b") }] };
        var noEntries = new ListContainer { Items = [new TextItem("Menu")] };

        Errors(new ChatbotAdvancedMessage([noHeader])).Should().Contain(issue => issue.Path == "$.advancedItems[0].items[0]" && issue.Code == ChatbotValidationCodes.ListShape);
        Errors(new ChatbotAdvancedMessage([noEntries])).Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.ListShape);
    }

    [Fact]
    public void List_EntryWithoutTitle_IsRequired()
    {
        var entry = new ButtonItem { Text = "desc", Action = ButtonAction.Postback("1") };

        Errors(new ChatbotAdvancedMessage([new ListContainer(new TextItem("Menu"), [entry])]))
            .Should().ContainSingle().Which.Path.Should().Be("$.advancedItems[0].items[1].title");
    }

    [Fact]
    public void ButtonOutsideList_WithImage_IsNotAllowed() =>
        Errors(Bubble(new ButtonItem("b", ButtonAction.Postback("x")) { Items = [new ImageItem("https://x.example/a.png")] }))
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.advancedItems[0].items[0].items", Code = ChatbotValidationCodes.ItemNotAllowed });

    [Fact]
    public void Actions_AreChecked()
    {
        var message = Bubble(
            new ButtonItem { Text = "none" },
            new ButtonItem("empty", ButtonAction.Postback(" ")),
            new ButtonItem("relative", ButtonAction.OpenUrl("/help")),
            new ButtonItem("ok", ButtonAction.OpenUrl("https://example.com/help")));

        Errors(message).Select(issue => issue.Path).Should().Equal(
            "$.advancedItems[0].items[0].action",
            "$.advancedItems[0].items[1].action.text",
            "$.advancedItems[0].items[2].action.url");
    }

    [Fact]
    public void TextContainer_OfTextItems_IsValid_AndOthersAreReported()
    {
        Errors(new ChatbotAdvancedMessage([new TextContainer([new TextItem(text: "a"), new TextItem(title: "b")])])).Should().BeEmpty();
        Errors(new ChatbotAdvancedMessage([new TextContainer([Button("b")])])).Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.ItemNotAllowed);
    }

    [Fact]
    public void AdvancedMessage_WrongMarkerOrNoContainers_IsReported()
    {
        var message = new ChatbotAdvancedMessage { Advanced = "Advanced" };

        Errors(message).Select(issue => (issue.Path, issue.Code)).Should().Equal(
            ("$.advanced", ChatbotValidationCodes.InvalidAdvancedMarker),
            ("$.advancedItems", ChatbotValidationCodes.Empty));
    }

    [Fact]
    public void Validate_ReportsEveryIssueInDocumentOrder()
    {
        var message = new ChatbotAdvancedMessage(
        [
            new BubbleContainer([Button(new string('x', 25)), new TextItem()]),
            new QuickReplyContainer([]),
        ]);

        Errors(message).Select(issue => issue.Path).Should().Equal(
            "$.advancedItems[0].items[0].text",
            "$.advancedItems[0].items[1]",
            "$.advancedItems[0].items[1]",
            "$.advancedItems[1].items");
    }

    [Fact]
    public void UnknownNodes_AreWarnings_ButBlockStrictWriting()
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply("""
            {"message":{"type":5,"advanced":"AdvancedMessage","advancedItems":[
              {"type":1,"items":[{"type":9,"text":"hi"},{"type":14,"sticker":"cat"},{"type":12,"text":"b","action":{"type":3,"phone":"+1"}}]},
              {"type":8,"items":[]}]}}
            """);

        var issues = ChatbotMessageValidator.Validate(message);

        issues.Should().OnlyContain(issue => issue.Severity == ChatbotValidationSeverity.Warning && issue.Code == ChatbotValidationCodes.UnknownType);
        issues.Select(issue => issue.Path).Should().Equal("$.advancedItems[0].items[1].type", "$.advancedItems[0].items[2].action.type", "$.advancedItems[1].type");
        ChatbotMessageValidator.IsValid(message).Should().BeFalse();
        FluentActions.Invoking(() => ChatbotMessageValidator.EnsureValid(message))
            .Should().Throw<ChatbotValidationException>().Which.Issues.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void TextMessage_WithoutText_IsInvalid(string text) =>
        Errors(new ChatbotTextMessage(text)).Should().ContainSingle().Which.Path.Should().Be("$.text");

    [Fact]
    public void EnsureValid_ExceptionMessage_NamesPathAndRule()
    {
        var exception = FluentActions.Invoking(() => ChatbotMessageValidator.EnsureValid(Bubble(Button(new string('x', 21)))))
            .Should().Throw<ChatbotValidationException>().Which;

        exception.Message.Should().Contain("$.advancedItems[0].items[0].text").And.Contain("limit is 20");
    }
}

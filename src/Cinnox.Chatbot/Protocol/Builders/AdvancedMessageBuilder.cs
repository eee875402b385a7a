
namespace Cinnox.Chatbot;

/// <summary>
/// Composes an <see cref="ChatbotAdvancedMessage"/> that is valid by construction (docs/protocol.md#advanced-message).
/// </summary>
/// <remarks>
/// Every part is checked when it is added, and a part that breaks a rule throws
/// <see cref="ChatbotValidationException"/> at once, naming the rule and the JSON path it would have had
/// (for example <c>$.advancedItems[0].items[3].text</c>). <see cref="Build"/> checks what can only be checked at
/// the end, such as a container left empty.
/// </remarks>
/// <example>
/// <code>
/// var message = new AdvancedMessageBuilder()
///     .AddBubble(bubble => bubble
///         .AddText(title: "Good Result Learning Center", text: "Your Exam Expert")
///         .AddImage("https://example.com/teaching.png")
///         .AddUrlButton("Website", "https://example.com"))
///     .AddQuickReply(reply => reply
///         .AddPostbackButton("Talk to us", "I want to talk to an agent")
///         .AddButton("Agent", ButtonAction.DirectTransfer()))
///     .Build();
/// </code>
/// </example>
public sealed class AdvancedMessageBuilder
{
    private readonly List<AdvancedContainer> _containers = [];

    /// <summary>Gets the number of containers added so far.</summary>
    public int Count => _containers.Count;

    /// <summary>Adds a bubble: text, then media, then buttons.</summary>
    /// <param name="build">Adds the bubble's items.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">An item breaks a rule, or the bubble is left empty.</exception>
    public AdvancedMessageBuilder AddBubble(Action<BubbleBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var bubble = new BubbleBuilder(NextPath);
        build(bubble);
        _containers.Add(bubble.Build());
        return this;
    }

    /// <summary>Adds a carousel of bubbles.</summary>
    /// <param name="build">Adds the bubbles.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">A bubble breaks a rule, or the carousel is left empty.</exception>
    public AdvancedMessageBuilder AddCarousel(Action<CarouselBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var carousel = new CarouselBuilder(NextPath);
        build(carousel);
        _containers.Add(carousel.Build());
        return this;
    }

    /// <summary>Adds a quick reply: a row of buttons.</summary>
    /// <param name="build">Adds the buttons.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">A button breaks a rule, or none is added.</exception>
    public AdvancedMessageBuilder AddQuickReply(Action<QuickReplyBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var quickReply = new QuickReplyBuilder(NextPath);
        build(quickReply);
        _containers.Add(quickReply.Build());
        return this;
    }

    /// <summary>Adds a list: a header, then entries.</summary>
    /// <param name="title">The header's title.</param>
    /// <param name="text">The header's subtitle, if any.</param>
    /// <param name="build">Adds the entries.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">The header or an entry breaks a rule, or no entry is added.</exception>
    public AdvancedMessageBuilder AddList(string? title, string? text, Action<ListBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var list = new ListBuilder(NextPath, new TextItem(title, text));
        build(list);
        _containers.Add(list.Build());
        return this;
    }

    /// <summary>Adds a text container (<c>type: 9</c>) holding text items.</summary>
    /// <param name="build">Adds the text items.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="build"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">A text item breaks a rule, or none is added.</exception>
    public AdvancedMessageBuilder AddTextContainer(Action<TextContainerBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var text = new TextContainerBuilder(NextPath);
        build(text);
        _containers.Add(text.Build());
        return this;
    }

    /// <summary>Creates the message.</summary>
    /// <returns>A new message holding the containers added so far.</returns>
    /// <exception cref="ChatbotValidationException">No container was added.</exception>
    public ChatbotAdvancedMessage Build()
    {
        var message = new ChatbotAdvancedMessage(_containers);
        ChatbotMessageValidator.EnsureValid(message);
        return message;
    }

    private string NextPath => JsonPath.Element(JsonPath.Root, "advancedItems", _containers.Count);

    internal static ChatbotValidationException Empty(string path, string what) =>
        new([ChatbotValidationIssue.Error(JsonPath.Property(path, "items"), ChatbotValidationCodes.Empty, $"{what} needs at least one item; add one before building.")]);
}

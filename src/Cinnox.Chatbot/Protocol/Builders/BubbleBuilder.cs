namespace Cinnox.Chatbot;

/// <summary>
/// Adds the items of a bubble, which must run Text → Media → Button. Get one from
/// <see cref="AdvancedMessageBuilder.AddBubble"/> or <see cref="CarouselBuilder.AddBubble"/>.
/// </summary>
public sealed class BubbleBuilder
{
    private readonly string _path;
    private readonly List<AdvancedItem> _items = [];
    private BubbleOrder _order = new();

    internal BubbleBuilder(string path) => _path = path;

    /// <summary>Adds a text item. Text items come first.</summary>
    /// <param name="title">The title, if any.</param>
    /// <param name="text">The body, if any.</param>
    /// <param name="footer">The footer, if any.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">All three are empty, one is over 10,000 characters, or media or buttons were already added.</exception>
    public BubbleBuilder AddText(string? title = null, string? text = null, string? footer = null) =>
        Add(new TextItem(title, text, footer));

    /// <summary>Adds an image (JPEG, JPG, PNG or WebP). Media comes after text and before buttons.</summary>
    /// <param name="fileUrl">The absolute http or https URL of the image.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The URL is invalid or names an unsupported format, or buttons were already added.</exception>
#pragma warning disable CA1054 // Same text form as the protocol and the model.
    public BubbleBuilder AddImage(string fileUrl) => Add(new ImageItem(fileUrl));

    /// <summary>Adds a video (MP4, 3GP or 3GPP). Media comes after text and before buttons.</summary>
    /// <param name="fileUrl">The absolute http or https URL of the video.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The URL is invalid or names an unsupported format, or buttons were already added.</exception>
    public BubbleBuilder AddVideo(string fileUrl) => Add(new VideoItem(fileUrl));

    /// <summary>Adds an audio file (M4A, W4A, MP3, WAV, MPEG or AAC). Media comes after text and before buttons.</summary>
    /// <param name="fileUrl">The absolute http or https URL of the audio file.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The URL is invalid or names an unsupported format, or buttons were already added.</exception>
    public BubbleBuilder AddAudio(string fileUrl) => Add(new AudioItem(fileUrl));

    /// <summary>Adds a button that opens a URL. Buttons come last.</summary>
    /// <param name="text">The display text, 1–20 characters.</param>
    /// <param name="url">The absolute http or https URL to open.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The text or URL breaks a rule.</exception>
    public BubbleBuilder AddUrlButton(string text, string url) => AddButton(text, ButtonAction.OpenUrl(url));
#pragma warning restore CA1054

    /// <summary>Adds a button that posts text into the chat when pressed. Buttons come last.</summary>
    /// <param name="text">The display text, 1–20 characters.</param>
    /// <param name="postbackText">The text posted when the button is pressed.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The text breaks a rule.</exception>
    public BubbleBuilder AddPostbackButton(string text, string postbackText) => AddButton(text, ButtonAction.Postback(postbackText));

    /// <summary>Adds a button. Buttons come last.</summary>
    /// <param name="text">The display text, 1–20 characters.</param>
    /// <param name="action">What pressing it does.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The text or action breaks a rule.</exception>
    public BubbleBuilder AddButton(string text, ButtonAction action) => Add(new ButtonItem(text, action));

    internal BubbleContainer Build() =>
        _items.Count > 0 ? new BubbleContainer(_items) : throw AdvancedMessageBuilder.Empty(_path, "A bubble");

    private BubbleBuilder Add(AdvancedItem item)
    {
        var path = JsonPath.Element(_path, "items", _items.Count);

        // A copy of the order, kept only once the item is added, so a refused item leaves the order as it was.
        var order = _order;
        if (!order.TryAccept(item, out var problem))
        {
            throw new ChatbotValidationException([ChatbotValidationIssue.Error(path, ChatbotValidationCodes.Order, problem + " Add it earlier.")]);
        }

        ChatbotMessageValidator.EnsureValidBubbleItem(item, path);
        _order = order;
        _items.Add(item);
        return this;
    }
}

namespace Cinnox.Chatbot;

/// <summary>Adds the buttons of a quick reply. Get one from <see cref="AdvancedMessageBuilder.AddQuickReply"/>.</summary>
public sealed class QuickReplyBuilder
{
    private readonly string _path;
    private readonly List<AdvancedItem> _buttons = [];

    internal QuickReplyBuilder(string path) => _path = path;

    /// <summary>Adds a button that posts text into the chat when pressed.</summary>
    /// <param name="text">The display text, 1–20 characters.</param>
    /// <param name="postbackText">The text posted when the button is pressed.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The text breaks a rule.</exception>
    public QuickReplyBuilder AddPostbackButton(string text, string postbackText) => AddButton(text, ButtonAction.Postback(postbackText));

    /// <summary>Adds a button that opens a URL.</summary>
    /// <param name="text">The display text, 1–20 characters.</param>
    /// <param name="url">The absolute http or https URL to open.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The text or URL breaks a rule.</exception>
#pragma warning disable CA1054 // Same text form as the protocol and the model.
    public QuickReplyBuilder AddUrlButton(string text, string url) => AddButton(text, ButtonAction.OpenUrl(url));
#pragma warning restore CA1054

    /// <summary>Adds a button.</summary>
    /// <param name="text">The display text, 1–20 characters.</param>
    /// <param name="action">What pressing it does.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ChatbotValidationException">The text or action breaks a rule.</exception>
    public QuickReplyBuilder AddButton(string text, ButtonAction action)
    {
        var button = new ButtonItem(text, action);
        ChatbotMessageValidator.EnsureValidButton(button, JsonPath.Element(_path, "items", _buttons.Count));
        _buttons.Add(button);
        return this;
    }

    internal QuickReplyContainer Build() =>
        _buttons.Count > 0 ? new QuickReplyContainer(_buttons) : throw AdvancedMessageBuilder.Empty(_path, "A quick reply");
}

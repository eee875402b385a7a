using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// A postback (<c>type: 1</c>): pressing the button posts <see cref="Text"/> into the chat as the visitor's
/// next message, or performs the action when the text is <c>DIRECT_TRANSFER</c> or <c>CLOSE_ENQUIRY</c>.
/// </summary>
public sealed class PostbackAction : ButtonAction
{
    /// <summary>Initializes a new, empty instance.</summary>
    public PostbackAction()
        : base(PostbackType)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="text">The text posted when the button is pressed, or an action keyword.</param>
    public PostbackAction(string text)
        : base(PostbackType) => Text = text;

    /// <summary>Gets or sets the text posted when the button is pressed, or an action keyword.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Gets the action the text stands for, or <see cref="ChatbotAction.None"/> for an ordinary postback.</summary>
    [JsonIgnore]
    public ChatbotAction Keyword => ChatbotKeywords.GetAction(Text);
}

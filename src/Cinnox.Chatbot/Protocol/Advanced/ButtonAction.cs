using System.Text.Json;
using System.Text.Json.Serialization;
using Cinnox.Chatbot.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// What pressing a button does: a <see cref="PostbackAction"/> (<c>type: 1</c>) posts text into the chat,
/// or performs <c>DIRECT_TRANSFER</c> / <c>CLOSE_ENQUIRY</c> when the text is that keyword; an
/// <see cref="OpenUrlAction"/> (<c>type: 2</c>) opens a URL. Other types are kept as <see cref="UnknownButtonAction"/>.
/// </summary>
[JsonConverter(typeof(ButtonActionJsonConverter))]
public abstract class ButtonAction
{
    /// <summary>The type number of a postback action.</summary>
    public const int PostbackType = 1;

    /// <summary>The type number of an open-URL action.</summary>
    public const int OpenUrlType = 2;

    private protected ButtonAction(int type) => Type = type;

    /// <summary>Gets the action's <c>type</c> number.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public int Type { get; }

    /// <summary>Gets or sets the properties this SDK does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Creates a postback action.</summary>
    /// <param name="text">The text posted into the chat when the button is pressed.</param>
    /// <returns>The action.</returns>
    public static PostbackAction Postback(string text) => new(text);

    /// <summary>Creates an action that opens a URL.</summary>
    /// <param name="url">The absolute http or https URL to open.</param>
    /// <returns>The action.</returns>
#pragma warning disable CA1054 // Kept as text, like the protocol's own value.
    public static OpenUrlAction OpenUrl(string url) => new(url);
#pragma warning restore CA1054

    /// <summary>Creates an action that opens a URL.</summary>
    /// <param name="url">The absolute http or https URL to open.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static OpenUrlAction OpenUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(url.OriginalString);
    }

    /// <summary>Creates a postback action that transfers the enquiry to a live agent (<c>DIRECT_TRANSFER</c>).</summary>
    /// <returns>The action.</returns>
    public static PostbackAction DirectTransfer() => new(ChatbotKeywords.DirectTransfer);

    /// <summary>Creates a postback action that closes the enquiry (<c>CLOSE_ENQUIRY</c>).</summary>
    /// <returns>The action.</returns>
    public static PostbackAction CloseEnquiry() => new(ChatbotKeywords.CloseEnquiry);
}

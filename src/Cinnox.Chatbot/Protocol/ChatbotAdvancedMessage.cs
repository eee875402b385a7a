using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// An advanced message (<c>type: 5</c>, <c>advanced: "AdvancedMessage"</c>): rich content made of
/// containers such as bubbles, carousels, quick replies and lists (docs/protocol.md#advanced-message). Sent only in JSON replies,
/// never in a stream.
/// </summary>
/// <remarks>
/// Compose one with <see cref="ChatbotMessages.Advanced"/> or <see cref="AdvancedMessageBuilder"/>, which
/// check every rule as parts are added. A message read from a bot may break rules; check it with
/// <see cref="ChatbotMessageValidator.Validate"/>.
/// </remarks>
public sealed class ChatbotAdvancedMessage : ChatbotMessage
{
    /// <summary>The value of <see cref="Advanced"/> that marks an advanced message.</summary>
    public const string AdvancedMarker = "AdvancedMessage";

    /// <summary>Initializes a new instance with no containers.</summary>
    public ChatbotAdvancedMessage()
        : base(ChatbotMessageType.Advanced)
    {
    }

    /// <summary>Initializes a new instance with its containers.</summary>
    /// <param name="advancedItems">The containers, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="advancedItems"/> is null.</exception>
    public ChatbotAdvancedMessage(IEnumerable<AdvancedContainer> advancedItems)
        : base(ChatbotMessageType.Advanced)
    {
        ArgumentNullException.ThrowIfNull(advancedItems);
        AdvancedItems = [.. advancedItems];
    }

    /// <summary>
    /// Gets or sets the advanced marker. It must be <see cref="AdvancedMarker"/>; a reply that omits it is
    /// read as if it were present.
    /// </summary>
    /// <value><see cref="AdvancedMarker"/>.</value>
    [JsonPropertyName("advanced")]
    [JsonPropertyOrder(-50)]
    public string? Advanced { get; set; } = AdvancedMarker;

    /// <summary>Gets or sets the containers, in display order.</summary>
    [JsonPropertyName("advancedItems")]
    public IList<AdvancedContainer> AdvancedItems { get; set; } = [];
}

namespace Cinnox.Chatbot;

/// <summary>
/// The stable identifiers of the rules that <see cref="ChatbotValidationIssue.Code"/> reports.
/// Match on these rather than on message text.
/// </summary>
public static class ChatbotValidationCodes
{
    /// <summary>A required value is missing or empty.</summary>
    public const string Required = "required";

    /// <summary>A text is longer than its limit (50 for a destination name, 20 for a button, 10,000 for message text).</summary>
    public const string TooLong = "tooLong";

    /// <summary>A number or time span is outside its allowed range.</summary>
    public const string OutOfRange = "outOfRange";

    /// <summary>A URL is not an absolute http or https URL.</summary>
    public const string InvalidUrl = "invalidUrl";

    /// <summary>A configured HTTP header has an invalid name or value.</summary>
    public const string InvalidHeader = "invalidHeader";

    /// <summary>A configured HTTP header is one that the client sets itself (<c>Content-Type</c>, <c>Content-Length</c>).</summary>
    public const string ReservedHeader = "reservedHeader";

    /// <summary>A message, container, item or action type is not one the protocol defines; it is kept as an unknown node.</summary>
    public const string UnknownType = "unknownType";

    /// <summary>An advanced message's <c>advanced</c> field is not <c>AdvancedMessage</c>.</summary>
    public const string InvalidAdvancedMarker = "invalidAdvancedMarker";

    /// <summary>A container holds an item type it cannot hold (for example a video in a quick reply).</summary>
    public const string ItemNotAllowed = "itemNotAllowed";

    /// <summary>A bubble's items are not in the order Text → Media → Button.</summary>
    public const string Order = "order";

    /// <summary>A media file's URL names a format that its type does not support.</summary>
    public const string UnsupportedMediaFormat = "unsupportedMediaFormat";

    /// <summary>A list is not one header text item followed by button entries, or an entry holds more than one image.</summary>
    public const string ListShape = "listShape";

    /// <summary>A container or list has no items.</summary>
    public const string Empty = "empty";

    /// <summary>A text message carries an advanced element, or the other way round, or a message type is used where it cannot be (such as an advanced message in a stream).</summary>
    public const string NotAllowedHere = "notAllowedHere";
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The enquiry information of an enquiry room (docs/chat-rooms.md#rooms-and-their-information): enquiry id, channel, channel detail, language,
/// location and time.
/// </summary>
public sealed record EnquiryInformation
{
    /// <summary>Gets the enquiry id, sent to a chatbot as <c>inquiryID</c>.</summary>
    public required string EnquiryId { get; init; }

    /// <summary>Gets where the enquiry came from.</summary>
    public required EnquiryChannel Channel { get; init; }

    /// <summary>Gets the detail of the channel, such as the tag's or weblink's name, or the virtual number.</summary>
    public string? ChannelDetail { get; init; }

    /// <summary>Gets the visitor's language, such as <c>en</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Gets where the visitor is, such as <c>Hong Kong</c>.</summary>
    public string? Location { get; init; }

    /// <summary>Gets when the enquiry started.</summary>
    public required DateTimeOffset Time { get; init; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// An enquiry was opened (the first event of an <see cref="EnquiryRoom"/>), with everything its information panels
/// show that does not change later. The visitor joins and the opening system message is posted in the next events.
/// </summary>
public sealed record EnquiryOpened : RoomEvent
{
    /// <summary>Gets the enquiry information (id, channel, channel detail, language, location, time).</summary>
    public required EnquiryInformation Enquiry { get; init; }

    /// <summary>Gets the visitor.</summary>
    public required RoomMember Visitor { get; init; }

    /// <summary>Gets what the visitor told about themselves when the enquiry opened.</summary>
    public VisitorInformation? VisitorInformation { get; init; }

    /// <summary>Gets the visitor's device.</summary>
    public DeviceInformation? Device { get; init; }

    /// <summary>Gets the weblink the enquiry came from; its <c>utm_*</c> parameters are read again on load.</summary>
    public Uri? Weblink { get; init; }

    /// <summary>Gets where the enquiry was routed.</summary>
    public DestinationInformation? Destination { get; init; }

    /// <summary>Gets a value indicating whether the visitor form was on.</summary>
    public bool IsVisitorFormEnabled { get; init; }

    /// <summary>Gets a value indicating whether the visitor writes through an external channel.</summary>
    public bool IsExternalChannel { get; init; }

    /// <summary>Gets the context the chatbot receives with each turn, as given when the enquiry opened.</summary>
    public ChatbotEnquiryContext? ChatbotContext { get; init; }
}

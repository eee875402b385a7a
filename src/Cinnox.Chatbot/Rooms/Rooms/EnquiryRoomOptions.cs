namespace Cinnox.Chatbot.Rooms;

/// <summary>What an <see cref="EnquiryRoom"/> starts with: the enquiry, the visitor, their device, the weblink and the destination.</summary>
public sealed class EnquiryRoomOptions
{
    /// <summary>Gets or sets the enquiry id, sent to a chatbot as <c>inquiryID</c>. Required.</summary>
    public required string EnquiryId { get; set; }

    /// <summary>Gets or sets the room's id.</summary>
    /// <value><see langword="null"/>: the room's id is the <see cref="EnquiryId"/>.</value>
    public string? RoomId { get; set; }

    /// <summary>Gets or sets where the enquiry came from.</summary>
    /// <value><see cref="EnquiryChannel.Tag"/>.</value>
    public EnquiryChannel Channel { get; set; }

    /// <summary>Gets or sets the detail of the channel: the tag's or weblink's name, the virtual number, the social page.</summary>
    public string? ChannelDetail { get; set; }

    /// <summary>Gets or sets the visitor's language, such as <c>en</c>.</summary>
    public string? Language { get; set; }

    /// <summary>Gets or sets where the visitor is, such as <c>Hong Kong</c>.</summary>
    public string? Location { get; set; }

    /// <summary>
    /// Gets or sets the weblink the enquiry came from. Its UTM parameters become the room's
    /// <see cref="EnquiryRoom.Utm"/> for Tag and Weblink enquiries; other channels ignore them.
    /// </summary>
    public Uri? Weblink { get; set; }

    /// <summary>Gets or sets the visitor as a room member.</summary>
    /// <value>
    /// <see langword="null"/>: a visitor with the id <c>visitor:{EnquiryId}</c>, named after the visitor information's
    /// full name, or "Visitor".
    /// </value>
    public RoomMember? Visitor { get; set; }

    /// <summary>Gets or sets what the visitor form gathered (or what is known of the visitor).</summary>
    public VisitorInformation? VisitorInformation { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the visitor form is on. When it is, the opening system message
    /// lists the form's fields (first name, last name, phone number, email address).
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool IsVisitorFormEnabled { get; set; }

    /// <summary>Gets or sets the visitor's device.</summary>
    public DeviceInformation? Device { get; set; }

    /// <summary>Gets or sets what the enquiry was routed to. A <see cref="DestinationType.Chatbot"/> destination starts the enquiry <see cref="EnquiryStatus.WithChatbot"/>.</summary>
    public DestinationInformation? Destination { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the enquiry comes from an external omni-channel (WhatsApp, LINE,
    /// WeChat, Facebook…). Chatbot replies to such enquiries never stream (docs/protocol.md#when-a-reply-may-stream).
    /// </summary>
    /// <value><see langword="null"/>: external when the channel is <see cref="EnquiryChannel.Social"/> or <see cref="EnquiryChannel.ThirdParty"/>.</value>
    public bool? IsExternalChannel { get; set; }

    /// <summary>
    /// Gets or sets context fields to send to a chatbot that the room cannot derive (tag id and type, channel id,
    /// omni type…). Fields set here win over the derived ones (see <see cref="EnquiryRoom.CreateChatbotContext"/>).
    /// </summary>
    public ChatbotEnquiryContext? ChatbotContext { get; set; }
}

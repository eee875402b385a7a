namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A visitor's or customer's enquiry (docs/chat-rooms.md#rooms-and-their-information): its information panel (enquiry, visitor, device, UTM and
/// destination information), the visitor, the chatbot or staff member handling it, and its status from
/// <see cref="EnquiryStatus.WithChatbot"/> or <see cref="EnquiryStatus.WaitingForAgent"/> to <see cref="EnquiryStatus.Closed"/>.
/// </summary>
/// <remarks>
/// <para>
/// When the room is created, the platform bot posts the opening system message (<see cref="OpeningMessage"/>):
/// the channel, the visitor form's fields when the form is on, and the UTM information when there is some.
/// It is the room's first message, so a store that takes a snapshot right after creation has it.
/// </para>
/// <para>
/// An enquiry enters a staff member's Recent Connections when they handle it (<see cref="Accept"/>) or post in it.
/// Once closed, nothing more can be posted (only system messages) and its status cannot change.
/// </para>
/// </remarks>
public sealed partial class EnquiryRoom : ChatRoom
{
    private readonly EnquiryOpened _created;
    private readonly ChatbotEnquiryContext? _chatbotContext;
    private VisitorInformation _visitorInformation;
    private EnquiryStatus _status;
    private RoomMember? _agent;
    private RoomMember? _chatbot;
    private IReadOnlyList<string> _labels = [];
    private IReadOnlyList<string> _topics = [];

    /// <summary>Initializes a new instance and posts the opening system message.</summary>
    /// <param name="options">What the enquiry starts with.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><see cref="EnquiryRoomOptions.EnquiryId"/> is empty.</exception>
    public EnquiryRoom(EnquiryRoomOptions options, TimeProvider? timeProvider = null)
        : this(Open(options, timeProvider), timeProvider)
    {
        lock (Gate)
        {
            RecordCreation(_created);
            AddMemberCore(Visitor, connect: false, historyRead: false);
            PostCore(RoomMember.PlatformBot, CreateOpeningMessage(), null, MessageMentions.None, [], forwardedFrom: null);
        }

        DeliverEvents();
    }

    internal EnquiryRoom(EnquiryOpened created, TimeProvider? timeProvider)
        : base(created, timeProvider)
    {
        _created = created;
        Enquiry = created.Enquiry;
        _visitorInformation = created.VisitorInformation ?? new VisitorInformation();
        Visitor = created.Visitor;
        Device = created.Device;
        Weblink = created.Weblink;
        Utm = created.Enquiry.Channel.SupportsUtm() ? UtmInformation.Parse(created.Weblink) : UtmInformation.Empty;
        Destination = created.Destination;
        IsVisitorFormEnabled = created.IsVisitorFormEnabled;
        IsExternalChannel = created.IsExternalChannel;
        _chatbotContext = created.ChatbotContext?.Clone();
        _status = created.Destination?.Type == DestinationType.Chatbot ? EnquiryStatus.WithChatbot : EnquiryStatus.WaitingForAgent;
    }

    /// <inheritdoc />
    public override RoomKind Kind => RoomKind.Enquiry;

    /// <summary>Gets the enquiry information: id, channel, channel detail, language, location and time.</summary>
    public EnquiryInformation Enquiry { get; }

    /// <summary>Gets the visitor.</summary>
    public RoomMember Visitor { get; }

    /// <summary>Gets the visitor information: the visitor form's fields and the fields staff members added.</summary>
    public VisitorInformation VisitorInformation
    {
        get
        {
            lock (Gate)
            {
                return _visitorInformation;
            }
        }
    }

    /// <summary>Gets the device information, when known.</summary>
    public DeviceInformation? Device { get; }

    /// <summary>Gets the weblink the enquiry came from, when known.</summary>
    public Uri? Weblink { get; }

    /// <summary>Gets the UTM information: read from the weblink for Tag and Weblink enquiries; <see cref="UtmInformation.Empty"/> otherwise.</summary>
    public UtmInformation Utm { get; }

    /// <summary>Gets the destination information, when known.</summary>
    public DestinationInformation? Destination { get; }

    /// <summary>Gets a value indicating whether the visitor form is on.</summary>
    public bool IsVisitorFormEnabled { get; }

    /// <summary>Gets a value indicating whether the enquiry comes from an external omni-channel; chatbot replies to it never stream.</summary>
    public bool IsExternalChannel { get; }

    /// <summary>Gets the platform bot's message that opened the enquiry.</summary>
    public RoomMessage OpeningMessage => GetMessages(0, 1)[0];

    /// <summary>Gets who handles the enquiry now.</summary>
    public EnquiryStatus Status
    {
        get
        {
            lock (Gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Gets a value indicating whether the enquiry is closed.</summary>
    public bool IsClosed => Status == EnquiryStatus.Closed;

    /// <summary>Gets the staff member who handles the enquiry, or <see langword="null"/> before one takes it.</summary>
    public RoomMember? Agent
    {
        get
        {
            lock (Gate)
            {
                return _agent;
            }
        }
    }

    /// <summary>Gets the chatbot member of the room, or <see langword="null"/> when no chatbot was connected.</summary>
    public RoomMember? Chatbot
    {
        get
        {
            lock (Gate)
            {
                return _chatbot;
            }
        }
    }

    /// <summary>Gets the labels staff members gave the enquiry.</summary>
    public IReadOnlyList<string> Labels
    {
        get
        {
            lock (Gate)
            {
                return _labels;
            }
        }
    }

    /// <summary>Gets the topics staff members gave the enquiry.</summary>
    public IReadOnlyList<string> Topics
    {
        get
        {
            lock (Gate)
            {
                return _topics;
            }
        }
    }

    /// <summary>
    /// Creates the context fields sent to a chatbot with the enquiry's messages (docs/protocol.md#request). The fields given in
    /// <see cref="EnquiryRoomOptions.ChatbotContext"/> are kept; the room fills in the ones it knows:
    /// <c>channelType</c> (the channel's display name, such as <c>Weblink</c>), <c>channelName</c> (the channel
    /// detail), <c>tagName</c> (the channel detail of a Tag enquiry), <c>channelPhoneNumber</c> (the channel detail
    /// of a Virtual Number enquiry), <c>visitorName</c> (the visitor's full name, or display name) and
    /// <c>visitorPhone</c>.
    /// </summary>
    /// <returns>A new context each call.</returns>
    public ChatbotEnquiryContext CreateChatbotContext()
    {
        var visitor = VisitorInformation;
        var context = _chatbotContext?.Clone() ?? new ChatbotEnquiryContext();
        context.ChannelType ??= Enquiry.Channel.GetDisplayName();
        context.ChannelName ??= Enquiry.ChannelDetail;
        if (Enquiry.Channel == EnquiryChannel.Tag)
        {
            context.TagName ??= Enquiry.ChannelDetail;
        }

        if (Enquiry.Channel == EnquiryChannel.VirtualNumber)
        {
            context.ChannelPhoneNumber ??= Enquiry.ChannelDetail;
        }

        context.VisitorName ??= visitor.FullName ?? Visitor.DisplayName;
        context.VisitorPhone ??= visitor.Phone;
        return context;
    }

    private protected override ChatRoomRuleException? CheckPostRule(RoomMember sender) =>
        _status == EnquiryStatus.Closed
            ? Rule(ChatRoomRule.EnquiryClosed, $"Enquiry {Enquiry.EnquiryId} is closed; nothing more can be posted in it.", memberId: sender.Id)
            : null;
}

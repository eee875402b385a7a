namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A visitor's or customer's enquiry (SPEC §6): its information panel (enquiry, visitor, device, UTM and
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
    /// Creates the context fields sent to a chatbot with the enquiry's messages (SPEC §2). The fields given in
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

    /// <summary>Adds a field to the visitor information, or changes it when a field of that name (case-insensitive) exists.</summary>
    /// <param name="staffMemberId">The staff member who adds it; must be in the room.</param>
    /// <param name="name">The field's name, such as <c>Membership</c>.</param>
    /// <param name="value">The field's value.</param>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.InvalidInformation"/> (empty name or value), <see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff),
    /// <see cref="ChatRoomRule.NotAMember"/>.
    /// </exception>
    public void SetVisitorField(string staffMemberId, string name, string value)
    {
        lock (Gate)
        {
            RequireStaff(staffMemberId, "add visitor information");
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value))
            {
                throw Rule(ChatRoomRule.InvalidInformation, "A visitor field needs a name and a value.", memberId: staffMemberId);
            }

            var field = new VisitorField(name.Trim(), value.Trim(), staffMemberId);
            var fields = _visitorInformation.AdditionalFields.ToList();
            var index = fields.FindIndex(existing => string.Equals(existing.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                fields[index] = field;
            }
            else
            {
                fields.Add(field);
            }

            var updated = _visitorInformation with { AdditionalFields = fields.AsReadOnly() };
            Record(new VisitorInformationChanged { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = staffMemberId, VisitorInformation = updated });
            Enqueue((version, at) => new VisitorInformationChangedEventArgs(this, version, at, updated, staffMemberId));
        }

        DeliverEvents();
    }

    /// <summary>Adds labels to the enquiry, such as ones an AI suggested. Labels already there (case-insensitive) are skipped.</summary>
    /// <param name="staffMemberId">The staff member who adds them; must be in the room.</param>
    /// <param name="labels">The labels.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void AddLabels(string staffMemberId, IEnumerable<string> labels) => Classify(staffMemberId, labels, []);

    /// <summary>Adds topics to the enquiry, such as ones an AI suggested. Topics already there (case-insensitive) are skipped.</summary>
    /// <param name="staffMemberId">The staff member who adds them; must be in the room.</param>
    /// <param name="topics">The topics.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void AddTopics(string staffMemberId, IEnumerable<string> topics) => Classify(staffMemberId, [], topics);

    /// <summary>
    /// Transfers the enquiry from its chatbot to live agents: it waits for one to take it
    /// (<see cref="EnquiryStatus.WaitingForAgent"/>). The platform bot posts a system message saying so.
    /// </summary>
    /// <param name="reason">Why, shown in the system message; <see langword="null"/> for a default sentence.</param>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.EnquiryStatusConflict"/> (no chatbot handles the enquiry now), <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public void TransferToAgent(string? reason = null)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? "The enquiry was transferred to a live agent." : reason;
        lock (Gate)
        {
            RequireOpen("transferred");
            if (_status != EnquiryStatus.WithChatbot)
            {
                throw Rule(ChatRoomRule.EnquiryStatusConflict,
                    $"Enquiry {Enquiry.EnquiryId} is {Describe(_status)}; only an enquiry a chatbot handles can be transferred to a live agent.");
            }

            var previous = _status;
            Record(new EnquiryTransferred { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), Reason = text });
            Enqueue((version, at) => new EnquiryTransferredEventArgs(this, version, at, previous, EnquiryStatus.WaitingForAgent, text));
        }

        DeliverEvents();
        PostSystemMessage(new SystemMessageContent(SystemMessageKind.EnquiryTransferred, text));
    }

    /// <summary>
    /// A staff member takes the enquiry (<see cref="EnquiryStatus.WithAgent"/>): they join the room if they are not
    /// in it, the room enters their Recent Connections, and the platform bot posts a system message. The
    /// conversation so far counts as unread for them until they read it.
    /// </summary>
    /// <param name="agent">The staff member.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.EnquiryStatusConflict"/> (another agent handles it),
    /// <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public void Accept(RoomMember agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (Gate)
        {
            RequireOpen("taken");
            if (!agent.IsStaff)
            {
                throw Rule(ChatRoomRule.MemberKindNotAllowed, $"{agent.DisplayName} is not a staff member; only staff members handle enquiries.", memberId: agent.Id);
            }

            if (_status == EnquiryStatus.WithAgent)
            {
                throw Rule(ChatRoomRule.EnquiryStatusConflict, $"Enquiry {Enquiry.EnquiryId} is already handled by {_agent!.DisplayName}.", memberId: agent.Id);
            }

            if (IsMemberCore(agent.Id))
            {
                ConnectCore(agent.Id);
            }
            else
            {
                AddMemberCore(agent, connect: true, historyRead: false);
            }

            var previous = _status;
            Record(new EnquiryAccepted { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = agent.Id, Agent = agent });
            Enqueue((version, at) => new EnquiryAcceptedEventArgs(this, version, at, previous, EnquiryStatus.WithAgent, agent));
        }

        DeliverEvents();
        PostSystemMessage(new SystemMessageContent(SystemMessageKind.AgentJoined, $"{agent.DisplayName} joined the enquiry.") { ActorId = agent.Id });
    }

    /// <summary>Closes the enquiry. The platform bot posts a system message; nothing more can be posted after it.</summary>
    /// <param name="closedById">Who closes it: a member of the room, or <see cref="RoomMember.PlatformBotId"/>.</param>
    /// <param name="reason">Why, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="closedById"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.EnquiryClosed"/> (already closed), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Close(string closedById, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(closedById);
        RoomMember closedBy;
        lock (Gate)
        {
            RequireOpen("closed again");
            closedBy = closedById == RoomMember.PlatformBotId ? RoomMember.PlatformBot : RequireRoomMember(closedById);
            var previous = _status;
            Record(new EnquiryClosed { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = closedBy.Id, ClosedBy = closedBy, Reason = reason });
            Enqueue((version, at) => new EnquiryClosedEventArgs(this, version, at, previous, EnquiryStatus.Closed, closedBy, reason));
        }

        DeliverEvents();
        PostSystemMessage(new SystemMessageContent(
            SystemMessageKind.EnquiryClosed,
            reason is null ? $"{closedBy.DisplayName} closed the enquiry." : $"{closedBy.DisplayName} closed the enquiry: {reason}")
        {
            ActorId = closedBy.Id,
        });
    }

    private protected override ChatRoomRuleException? CheckPostRule(RoomMember sender) =>
        _status == EnquiryStatus.Closed
            ? Rule(ChatRoomRule.EnquiryClosed, $"Enquiry {Enquiry.EnquiryId} is closed; nothing more can be posted in it.", memberId: sender.Id)
            : null;

    private static EnquiryOpened Open(EnquiryRoomOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EnquiryId, nameof(options) + "." + nameof(options.EnquiryId));
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var visitorInformation = options.VisitorInformation ?? new VisitorInformation();
        return new EnquiryOpened
        {
            RoomId = string.IsNullOrWhiteSpace(options.RoomId) ? options.EnquiryId : options.RoomId,
            Sequence = 1,
            OccurredAt = now,
            Enquiry = new EnquiryInformation
            {
                EnquiryId = options.EnquiryId,
                Channel = options.Channel,
                ChannelDetail = options.ChannelDetail,
                Language = options.Language,
                Location = options.Location,
                Time = now,
            },
            Visitor = options.Visitor ?? RoomMember.Visitor($"visitor:{options.EnquiryId}", visitorInformation.FullName ?? "Visitor"),
            VisitorInformation = options.VisitorInformation,
            Device = options.Device,
            Weblink = options.Weblink,
            Destination = options.Destination,
            IsVisitorFormEnabled = options.IsVisitorFormEnabled,
            IsExternalChannel = options.IsExternalChannel ?? options.Channel is EnquiryChannel.Social or EnquiryChannel.ThirdParty,
            ChatbotContext = options.ChatbotContext?.Clone(),
        };
    }

    private static string Describe(EnquiryStatus status) => status switch
    {
        EnquiryStatus.WithChatbot => "handled by a chatbot",
        EnquiryStatus.WaitingForAgent => "waiting for an agent",
        EnquiryStatus.WithAgent => "handled by an agent",
        _ => "closed",
    };

    private SystemMessageContent CreateOpeningMessage()
    {
        var channel = Enquiry.Channel.GetDisplayName();
        var fields = new List<SystemMessageField> { new("Channel", channel) };
        if (!string.IsNullOrWhiteSpace(Enquiry.ChannelDetail))
        {
            fields.Add(new("Channel Detail", Enquiry.ChannelDetail));
        }

        if (IsVisitorFormEnabled)
        {
            AddField(fields, "First Name", _visitorInformation.FirstName);
            AddField(fields, "Last Name", _visitorInformation.LastName);
            AddField(fields, "Phone Number", _visitorInformation.Phone);
            AddField(fields, "Email Address", _visitorInformation.Email);
        }

        fields.AddRange(Utm.Parameters.Select(static parameter => new SystemMessageField(parameter.Label, parameter.Value)));
        return new SystemMessageContent(SystemMessageKind.EnquiryOpened, $"{Visitor.DisplayName} started an enquiry via {channel}.", fields);

        static void AddField(List<SystemMessageField> fields, string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new(label, value));
            }
        }
    }

    private void Classify(string staffMemberId, IEnumerable<string> labels, IEnumerable<string> topics)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(topics);
        lock (Gate)
        {
            RequireStaff(staffMemberId, "classify the enquiry");
            var newLabels = Merge(_labels, labels);
            var newTopics = Merge(_topics, topics);
            if (newLabels.Count == _labels.Count && newTopics.Count == _topics.Count)
            {
                return;
            }

            Record(new EnquiryClassified
            {
                RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = staffMemberId, Labels = [.. newLabels.Except(_labels)], Topics = [.. newTopics.Except(_topics)],
            });
            Enqueue((version, at) => new EnquiryClassifiedEventArgs(this, version, at, newLabels, newTopics, staffMemberId));
        }

        DeliverEvents();

        static IReadOnlyList<string> Merge(IReadOnlyList<string> existing, IEnumerable<string> added)
        {
            var merged = existing.ToList();
            foreach (var item in added)
            {
                if (!string.IsNullOrWhiteSpace(item) && !merged.Contains(item.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    merged.Add(item.Trim());
                }
            }

            return merged.Count == existing.Count ? existing : merged.AsReadOnly();
        }
    }

    private void RequireStaff(string memberId, string what)
    {
        var member = RequireRoomMember(memberId);
        if (!member.IsStaff)
        {
            throw Rule(ChatRoomRule.MemberKindNotAllowed, $"{member.DisplayName} is not a staff member; only staff members {what}.", memberId: memberId);
        }
    }

    private void RequireOpen(string what)
    {
        if (_status == EnquiryStatus.Closed)
        {
            throw Rule(ChatRoomRule.EnquiryClosed, $"Enquiry {Enquiry.EnquiryId} is closed and cannot be {what}.");
        }
    }
}

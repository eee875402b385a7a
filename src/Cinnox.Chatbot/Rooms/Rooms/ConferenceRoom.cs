namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A conference call's room (docs/chat-rooms.md#rooms-and-their-information): the caller (host), the participants and the chat history.
/// </summary>
public sealed class ConferenceRoom : ChatRoom
{
    private readonly ConferenceCreated _created;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The room's id.</param>
    /// <param name="host">The staff member who started the conference.</param>
    /// <param name="participants">The other participants: staff members or external contacts.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> or <paramref name="participants"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.MemberKindNotAllowed"/>: the host is not staff, or a participant is neither staff nor an external contact.
    /// <see cref="ChatRoomRule.AlreadyAMember"/>: a participant is listed twice.
    /// </exception>
    public ConferenceRoom(string id, RoomMember host, IEnumerable<RoomMember> participants, TimeProvider? timeProvider = null)
        : this(Open(id, host, participants, timeProvider), timeProvider)
    {
        lock (Gate)
        {
            RecordCreation(_created);
            AddMemberCore(host, connect: true, historyRead: false);
            foreach (var participant in participants)
            {
                AddParticipantCore(participant);
            }
        }

        DeliverEvents();
    }

    internal ConferenceRoom(ConferenceCreated created, TimeProvider? timeProvider)
        : base(created, timeProvider)
    {
        _created = created;
        Host = created.Host;
    }

    /// <inheritdoc />
    public override RoomKind Kind => RoomKind.Conference;

    /// <summary>Gets the caller who hosts the conference.</summary>
    public RoomMember Host { get; }

    /// <summary>Gets the participants other than the host, in the order they joined.</summary>
    public IReadOnlyList<RoomMember> Participants => [.. Members.Where(member => member.Id != Host.Id)];

    /// <summary>Gets the chat history: the messages of the conference, oldest first.</summary>
    public IReadOnlyList<RoomMessage> ChatHistory => Messages;

    /// <summary>Adds a participant who joins the call. Messages posted before count as read by them.</summary>
    /// <param name="participant">A staff member or an external contact.</param>
    /// <exception cref="ArgumentNullException"><paramref name="participant"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MemberKindNotAllowed"/>, <see cref="ChatRoomRule.AlreadyAMember"/>.</exception>
    public void AddParticipant(RoomMember participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (Gate)
        {
            AddParticipantCore(participant);
        }

        DeliverEvents();
    }

    private void AddParticipantCore(RoomMember participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (participant.Kind is not (RoomMemberKind.Staff or RoomMemberKind.ExternalContact))
        {
            throw Rule(ChatRoomRule.MemberKindNotAllowed,
                $"{participant.DisplayName} is a {participant.Kind}; conference participants are staff members or external contacts.", memberId: participant.Id);
        }

        AddMemberCore(participant, connect: true, historyRead: true, actorId: Host.Id);
    }

    /// <inheritdoc />
    private protected override RoomEvent CreationEvent => _created;

    /// <inheritdoc />
    private protected override string Title => string.Join(", ", Members.Select(static member => member.DisplayName));

    private static ConferenceCreated Open(string id, RoomMember host, IEnumerable<RoomMember> participants, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(participants);
        if (!host.IsStaff)
        {
            throw new ChatRoomRuleException(ChatRoomRule.MemberKindNotAllowed, $"{host.DisplayName} is not a staff member; a conference is hosted by a staff member.", id, memberId: host.Id);
        }

        return new ConferenceCreated { RoomId = id, Sequence = 1, OccurredAt = (timeProvider ?? TimeProvider.System).GetUtcNow(), ActorId = host.Id, Host = host };
    }
}

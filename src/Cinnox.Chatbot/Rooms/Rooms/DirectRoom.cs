namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A direct room (docs/chat-rooms.md#rooms-and-their-information): staff-to-staff chat and calls, or calls with an external contact such as a lead or
/// prospect. It has exactly two members; its information panel shows the other side's contact information.
/// </summary>
public sealed class DirectRoom : ChatRoom
{
    private readonly DirectRoomOpened _created;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The room's id.</param>
    /// <param name="staffMember">The staff member.</param>
    /// <param name="other">Another staff member, or an external contact.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="staffMember"/> or <paramref name="other"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.MemberKindNotAllowed"/>: <paramref name="staffMember"/> is not staff, or <paramref name="other"/> is
    /// neither staff nor an external contact. <see cref="ChatRoomRule.AlreadyAMember"/>: both are the same member.
    /// </exception>
    public DirectRoom(string id, RoomMember staffMember, RoomMember other, TimeProvider? timeProvider = null)
        : this(Open(id, staffMember, other, timeProvider), timeProvider)
    {
        lock (Gate)
        {
            RecordCreation(_created);
            AddMemberCore(staffMember, connect: false, historyRead: false);
            AddMemberCore(other, connect: false, historyRead: false, actorId: staffMember.Id);
        }

        DeliverEvents();
    }

    internal DirectRoom(DirectRoomOpened created, TimeProvider? timeProvider)
        : base(created, timeProvider) => _created = created;

    /// <inheritdoc />
    public override RoomKind Kind => RoomKind.Direct;

    /// <summary>Gets a value indicating whether the room is with an external contact (calls) rather than a staff member.</summary>
    public bool IsWithExternalContact => Members.Any(static member => member.Kind == RoomMemberKind.ExternalContact);

    /// <summary>Gets the member on the other side from a viewer's point of view.</summary>
    /// <param name="viewerId">One of the two members.</param>
    /// <returns>The other member.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>: the viewer is not in the room.</exception>
    public RoomMember GetOtherMember(string viewerId)
    {
        var members = Members;
        if (!members.Any(member => member.Id == viewerId))
        {
            throw Rule(ChatRoomRule.NotAMember, $"'{viewerId}' is not a member of room {Id}.", memberId: viewerId);
        }

        return members.First(member => member.Id != viewerId);
    }

    /// <summary>
    /// Gets the contact information the room's panel shows a viewer: the other member's first name, last name,
    /// phone, email and time zone.
    /// </summary>
    /// <param name="viewerId">One of the two members.</param>
    /// <returns>The other member's contact information; empty when unknown.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>: the viewer is not in the room.</exception>
    public ContactInformation GetContactInformation(string viewerId) => GetOtherMember(viewerId).Contact ?? new ContactInformation();

    /// <inheritdoc />
    private protected override RoomEvent CreationEvent => _created;

    /// <inheritdoc />
    private protected override string Title => string.Join(", ", Members.Select(static member => member.DisplayName));

    private static DirectRoomOpened Open(string id, RoomMember staffMember, RoomMember other, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(staffMember);
        ArgumentNullException.ThrowIfNull(other);
        if (!staffMember.IsStaff)
        {
            throw new ChatRoomRuleException(ChatRoomRule.MemberKindNotAllowed,
                $"{staffMember.DisplayName} is not a staff member; a direct room is opened by a staff member.", id, memberId: staffMember.Id);
        }

        if (other.Kind is not (RoomMemberKind.Staff or RoomMemberKind.ExternalContact))
        {
            throw new ChatRoomRuleException(ChatRoomRule.MemberKindNotAllowed,
                $"{other.DisplayName} is a {other.Kind}; a direct room is with another staff member or an external contact.", id, memberId: other.Id);
        }

        return new DirectRoomOpened { RoomId = id, Sequence = 1, OccurredAt = (timeProvider ?? TimeProvider.System).GetUtcNow(), ActorId = staffMember.Id };
    }
}

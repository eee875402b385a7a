namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A Space room (docs/chat-rooms.md#rooms-and-their-information): an internal group chat of staff members, private or public, with a name and a
/// description. Members may choose "@mentions only" notifications here.
/// </summary>
public sealed class SpaceRoom : ChatRoom
{
    private readonly SpaceCreated _created;
    private string _name;
    private string? _description;

    /// <summary>Initializes a new instance with its creator as the first member.</summary>
    /// <param name="id">The room's id.</param>
    /// <param name="name">The Space's name; not empty.</param>
    /// <param name="creator">The staff member who creates it.</param>
    /// <param name="visibility">Who can join.</param>
    /// <param name="description">What the Space is about.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="creator"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.InvalidInformation"/>: the name is empty. <see cref="ChatRoomRule.MemberKindNotAllowed"/>: the creator is not staff.
    /// </exception>
    public SpaceRoom(string id, string name, RoomMember creator, SpaceVisibility visibility = SpaceVisibility.Private, string? description = null, TimeProvider? timeProvider = null)
        : this(Open(id, name, creator, visibility, description, timeProvider), timeProvider)
    {
        lock (Gate)
        {
            RecordCreation(_created);
            AddMemberCore(creator, connect: false, historyRead: false);
        }

        DeliverEvents();
    }

    internal SpaceRoom(SpaceCreated created, TimeProvider? timeProvider)
        : base(created, timeProvider)
    {
        _created = created;
        _name = created.Name;
        _description = created.Description;
        Visibility = created.Visibility;
    }

    /// <inheritdoc />
    public override RoomKind Kind => RoomKind.Space;

    /// <summary>Gets who can join.</summary>
    public SpaceVisibility Visibility { get; }

    /// <summary>Gets a value indicating whether only people a member adds can join.</summary>
    public bool IsPrivate => Visibility == SpaceVisibility.Private;

    /// <summary>Gets the Space's name.</summary>
    public string Name
    {
        get
        {
            lock (Gate)
            {
                return _name;
            }
        }
    }

    /// <summary>Gets what the Space is about, or <see langword="null"/>.</summary>
    public string? Description
    {
        get
        {
            lock (Gate)
            {
                return _description;
            }
        }
    }

    /// <inheritdoc />
    private protected override bool SupportsMentionsOnly => true;

    /// <summary>
    /// A staff member joins a public Space on their own. Messages posted before they joined count as read.
    /// </summary>
    /// <param name="member">The staff member.</param>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.SpaceIsPrivate"/>, <see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.AlreadyAMember"/>.
    /// </exception>
    public void Join(RoomMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (Gate)
        {
            if (IsPrivate)
            {
                throw Rule(ChatRoomRule.SpaceIsPrivate, $"Space '{_name}' is private; a member of it must add {member.DisplayName}.", memberId: member.Id);
            }

            RequireStaffKind(member);
            AddMemberCore(member, connect: false, historyRead: true);
        }

        DeliverEvents();
    }

    /// <summary>A member adds a staff member to the Space (private or public). Messages posted before count as read by the newcomer.</summary>
    /// <param name="addedById">The member who adds; must be in the Space.</param>
    /// <param name="member">The staff member added.</param>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotAMember"/> (the one adding), <see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.AlreadyAMember"/>.
    /// </exception>
    public void AddMember(string addedById, RoomMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (Gate)
        {
            RequireRoomMember(addedById);
            RequireStaffKind(member);
            AddMemberCore(member, connect: false, historyRead: true, actorId: addedById);
        }

        DeliverEvents();
    }

    /// <summary>A member leaves the Space. Their messages stay.</summary>
    /// <param name="memberId">The member.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Leave(string memberId)
    {
        lock (Gate)
        {
            RemoveMemberCore(memberId);
        }

        DeliverEvents();
    }

    /// <summary>A member changes the Space's name and description.</summary>
    /// <param name="memberId">The member; must be in the Space.</param>
    /// <param name="name">The new name; not empty.</param>
    /// <param name="description">The new description, or <see langword="null"/> for none.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.InvalidInformation"/> (empty name), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void UpdateDetails(string memberId, string name, string? description)
    {
        lock (Gate)
        {
            RequireRoomMember(memberId);
            if (string.IsNullOrWhiteSpace(name))
            {
                throw Rule(ChatRoomRule.InvalidInformation, "A Space needs a name.", memberId: memberId);
            }

            Record(new SpaceDetailsChanged { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = memberId, Name = name.Trim(), Description = description });
            var (newName, newDescription) = (_name, _description);
            Enqueue((version, at) => new SpaceDetailsChangedEventArgs(this, version, at, newName, newDescription, memberId));
        }

        DeliverEvents();
    }

    /// <inheritdoc />
    private protected override RoomEvent CreationEvent => _created;

    /// <inheritdoc />
    private protected override string Title => _name;

    /// <inheritdoc />
    private protected override void Apply(RoomEvent change)
    {
        if (change is SpaceDetailsChanged details)
        {
            _name = details.Name;
            _description = details.Description;
            return;
        }

        base.Apply(change);
    }

    /// <inheritdoc />
    private protected override RoomSnapshot AddToSnapshot(RoomSnapshot snapshot) => snapshot with { Name = _name, Description = _description };

    /// <inheritdoc />
    private protected override void LoadFromSnapshot(RoomSnapshot snapshot)
    {
        _name = snapshot.Name ?? _name;
        _description = snapshot.Description;
    }

    private static SpaceCreated Open(string id, string name, RoomMember creator, SpaceVisibility visibility, string? description, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(creator);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ChatRoomRuleException(ChatRoomRule.InvalidInformation, "A Space needs a name.", id);
        }

        if (!creator.IsStaff)
        {
            throw StaffOnly(id, creator);
        }

        return new SpaceCreated
        {
            RoomId = id, Sequence = 1, OccurredAt = (timeProvider ?? TimeProvider.System).GetUtcNow(), ActorId = creator.Id, Name = name.Trim(), Description = description, Visibility = visibility,
        };
    }

    private static ChatRoomRuleException StaffOnly(string roomId, RoomMember member) =>
        new(ChatRoomRule.MemberKindNotAllowed, $"{member.DisplayName} is a {member.Kind}; Spaces are internal group chats of staff members.", roomId, memberId: member.Id);

    private void RequireStaffKind(RoomMember member)
    {
        if (!member.IsStaff)
        {
            throw StaffOnly(Id, member);
        }
    }
}

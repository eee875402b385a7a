namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A Space room (SPEC §6): an internal group chat of staff members, private or public, with a name and a
/// description. Members may choose "@mentions only" notifications here.
/// </summary>
public sealed class SpaceRoom : ChatRoom
{
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
        : base(id, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Rule(ChatRoomRule.InvalidInformation, "A Space needs a name.");
        }

        _name = name.Trim();
        _description = description;
        Visibility = visibility;
        lock (Gate)
        {
            RequireStaffKind(creator);
            AddMemberCore(creator, connect: false, historyRead: false);
        }

        DeliverEvents();
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
            AddMemberCore(member, connect: false, historyRead: true);
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

            _name = name.Trim();
            _description = description;
            var (newName, newDescription) = (_name, _description);
            Enqueue((version, at) => new SpaceDetailsChangedEventArgs(this, version, at, newName, newDescription, memberId));
        }

        DeliverEvents();
    }

    private void RequireStaffKind(RoomMember member)
    {
        if (!member.IsStaff)
        {
            throw Rule(ChatRoomRule.MemberKindNotAllowed, $"{member.DisplayName} is a {member.Kind}; Spaces are internal group chats of staff members.", memberId: member.Id);
        }
    }
}

namespace Cinnox.Chatbot.Rooms;

// Notification settings and decisions, read positions, unread counts and Recent Connections (docs/chat-rooms.md#notifications-and-badges).
public abstract partial class ChatRoom
{
    /// <summary>Gets a member's notification setting for the room.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The setting; <see cref="RoomNotificationSetting.All"/> unless changed.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public RoomNotificationSetting GetNotificationSetting(string memberId)
    {
        lock (_gate)
        {
            return RequireMember(memberId).Setting;
        }
    }

    /// <summary>
    /// Changes a member's notification setting: on or muted in enquiry, direct and conference rooms; all new
    /// messages, @mentions only, or mute in Space rooms.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="setting">The setting.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="setting"/> is not a <see cref="RoomNotificationSetting"/> value.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotificationSettingNotSupported"/> (@mentions only outside a Space), <see cref="ChatRoomRule.NotAMember"/>.
    /// </exception>
    public void SetNotificationSetting(string memberId, RoomNotificationSetting setting)
    {
        if (!Enum.IsDefined(setting))
        {
            throw new ArgumentOutOfRangeException(nameof(setting), setting, "Use one of the RoomNotificationSetting values.");
        }

        lock (_gate)
        {
            var state = RequireMember(memberId);
            if (setting == RoomNotificationSetting.MentionsOnly && !SupportsMentionsOnly)
            {
                throw Rule(ChatRoomRule.NotificationSettingNotSupported,
                    $"A {Kind} room is either on or muted; '@mentions only' is a setting of Space rooms.", memberId: memberId);
            }

            if (state.Setting == setting)
            {
                return;
            }

            Record(new NotificationSettingChanged { RoomId = Id, Sequence = _version + 1, OccurredAt = Clock.GetUtcNow(), ActorId = memberId, MemberId = memberId, Setting = setting });
            Enqueue((version, at) => new NotificationSettingChangedEventArgs(this, version, at, memberId, setting));
        }

        DeliverEvents();
    }

    /// <summary>Mutes the room for a member: no notifications; unread badges still count it.</summary>
    /// <param name="memberId">The member.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Mute(string memberId) => SetNotificationSetting(memberId, RoomNotificationSetting.Muted);

    /// <summary>Unmutes the room for a member: notifications of every new message.</summary>
    /// <param name="memberId">The member.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Unmute(string memberId) => SetNotificationSetting(memberId, RoomNotificationSetting.All);

    /// <summary>
    /// Decides whether a member is notified of a message (docs/chat-rooms.md#notifications-and-badges): yes, unless it is their own, the room is muted,
    /// or the room is on "@mentions only" and the message mentions neither them nor <c>@all</c>. Recalled messages,
    /// non-members and bots are never notified.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="message">A message of this room.</param>
    /// <returns>The decision and its reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public NotificationDecision GetNotificationDecision(string memberId, RoomMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            return FindState(memberId) is { } state ? Decide(state, message) : new NotificationDecision(false, NotificationReason.NotAMember);
        }
    }

    /// <summary>
    /// Counts a member's unread messages: messages after their read position that are not their own (nor system
    /// messages reporting their own action) and not recalled. The count is kept as events fold, so it costs the
    /// same however long the history is.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The count; 0 for someone who is not a member.</returns>
    public int GetUnreadCount(string memberId)
    {
        lock (_gate)
        {
            return FindState(memberId)?.Unread ?? 0;
        }
    }

    /// <summary>Gets the sequence number of the last message a member has read; 0 when none.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The read position.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public long GetReadPosition(string memberId)
    {
        lock (_gate)
        {
            return RequireMember(memberId).ReadSequence;
        }
    }

    /// <summary>Marks every message of the room as read by a member. The read position only moves forward.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns><see langword="true"/> when the position moved; <see langword="false"/> when everything was already read.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public bool MarkRead(string memberId)
    {
        bool moved;
        lock (_gate)
        {
            moved = MoveReadPosition(RequireMember(memberId), _messages.Count);
        }

        DeliverEvents();
        return moved;
    }

    /// <summary>
    /// Marks the messages up to and including one as read by a member. The read position only moves forward: a
    /// message before it leaves it where it is.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="messageId">The last message read.</param>
    /// <returns><see langword="true"/> when the position moved; <see langword="false"/> when it was already there or beyond.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>, <see cref="ChatRoomRule.MessageNotFound"/>.</exception>
    public bool MarkReadUpTo(string memberId, string messageId)
    {
        bool moved;
        lock (_gate)
        {
            var (state, slot) = RequireMemberAndSlot(memberId, messageId);
            moved = MoveReadPosition(state, slot.Message.Sequence);
        }

        DeliverEvents();
        return moved;
    }

    /// <summary>
    /// Gets how the room appears in a member's Recent Connections: when its last activity was and how many
    /// messages are unread. A room appears once the member handles the enquiry or chatting has started in it.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The entry, or <see langword="null"/> when the room is not (yet) among the member's Recent Connections.</returns>
    public RecentConnection? GetRecentConnection(string memberId)
    {
        lock (_gate)
        {
            if (FindState(memberId) is not { } state || !IsConnected(state))
            {
                return null;
            }

            return new RecentConnection(this, ActivityOf(state), state.Unread, state.Setting);
        }
    }

    private static NotificationDecision Decide(MemberState state, RoomMessage message)
    {
        if (state.Member.Kind == RoomMemberKind.Bot)
        {
            return new(false, NotificationReason.Bot);
        }

        if (IsOwn(message, state.Member.Id))
        {
            return new(false, NotificationReason.OwnMessage);
        }

        if (message.IsRecalled)
        {
            return new(false, NotificationReason.Recalled);
        }

        var mentioned = message.Mentions.Includes(state.Member.Id);
        return state.Setting switch
        {
            RoomNotificationSetting.Muted => new(false, NotificationReason.Muted),
            RoomNotificationSetting.MentionsOnly when !mentioned => new(false, NotificationReason.NotMentioned),
            _ => new(true, mentioned ? NotificationReason.Mentioned : NotificationReason.NewMessage),
        };
    }

    // A member's own messages, and system messages that report their own action, neither notify them nor count as unread.
    private static bool IsOwn(RoomMessage message, string memberId) =>
        message.Sender.Id == memberId || (message.Content is SystemMessageContent { ActorId: { } actor } && actor == memberId);

    private static bool CountsAsUnread(RoomMessage message, MemberState state) =>
        message.Sequence > state.ReadSequence && !message.IsRecalled && !IsOwn(message, state.Member.Id);

    private bool IsConnected(MemberState state) =>
        state.ConnectedAt is not null || (Kind != RoomKind.Enquiry && _lastChatAt is not null);

    private DateTimeOffset ActivityOf(MemberState state) =>
        state.ConnectedAt is { } connected && connected > _lastActivityAt ? connected : _lastActivityAt;

    // Counts the unread messages between two read positions, walking only that stretch.
    private int CountUnreadBetween(MemberState state, long fromSequence, long toSequence)
    {
        var count = 0;
        for (var i = (int)Math.Max(fromSequence, 0); i < Math.Min(toSequence, _messages.Count); i++)
        {
            var message = _messages[i].Message;
            if (!message.IsRecalled && !IsOwn(message, state.Member.Id))
            {
                count++;
            }
        }

        return count;
    }

    private bool MoveReadPosition(MemberState state, long sequence)
    {
        if (sequence <= state.ReadSequence)
        {
            return false;
        }

        var previous = state.ReadSequence;
        var memberId = state.Member.Id;
        Record(new ReadPositionMoved { RoomId = Id, Sequence = _version + 1, OccurredAt = Clock.GetUtcNow(), ActorId = memberId, MemberId = memberId, ReadSequence = sequence });
        var unread = state.Unread;
        Enqueue((version, at) => new ReadPositionMovedEventArgs(this, version, at, memberId, previous, sequence, unread));
        return true;
    }
}

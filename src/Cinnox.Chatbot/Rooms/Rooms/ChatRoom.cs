using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A chat room: its members, its messages, and every chat function with its rules (docs/chat-rooms.md#chat-functions) — post, reply, edit,
/// recall, forward, copy, mentions, files, SMS, previews — plus each member's notification setting, read
/// position and unread count. The four kinds are <see cref="EnquiryRoom"/>, <see cref="DirectRoom"/>,
/// <see cref="SpaceRoom"/> and <see cref="ConferenceRoom"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every change is an event, a plain record (<see cref="RoomEvent"/>): a command checks its rules, makes the event, and
/// the room folds it into its state. A room rebuilt from its events, or from a snapshot and the events after it
/// (<see cref="Restore(RoomSnapshot?, IEnumerable{RoomEvent}, TimeProvider?)"/>), is the same room (docs/chat-rooms.md#rooms-that-last). The
/// room's own creation is event 1. To keep rooms across restarts, run commands through a
/// <see cref="Storage.RoomRepository"/>.
/// </para>
/// <para>
/// Time is read from the <see cref="TimeProvider"/> given to the room, so the five-minute edit and recall
/// window can be tested exactly.
/// </para>
/// <para>
/// A change that breaks a rule throws <see cref="ChatRoomRuleException"/> naming the rule, and changes nothing.
/// Every change that succeeds raises <see cref="Changed"/> with a typed <see cref="ChatRoomEventArgs"/>.
/// </para>
/// <para>
/// Thread safety: all members are safe to call from any thread. Messages are immutable snapshots. Events are
/// raised in the order the changes happened (see <see cref="ChatRoomEventArgs.Version"/>), one at a time, and
/// never while the room is locked, so a handler may call back into the room. Each call raises its own changes on its
/// own thread and returns once they were raised, after waiting for the changes made before them; it never raises
/// other callers' changes (but see <see cref="HandlerStallTimeout"/>). A change a handler makes to the room it is
/// handling is raised on the same thread right after that handler returns.
/// </para>
/// <para>
/// Unread counts are kept per member as the events are folded (a recall or a read moves them exactly), so reading
/// them costs the same however long the history is.
/// </para>
/// </remarks>
public abstract partial class ChatRoom
{
    private readonly Lock _gate = new();
    private readonly List<MessageSlot> _messages = [];
    private readonly Dictionary<string, MessageSlot> _messagesById = new(StringComparer.Ordinal);
    private readonly List<MemberState> _members = [];
    private readonly RoomEventQueue _events = new();
    private readonly List<RoomEvent> _pending = [];
    private long _version;
    private DateTimeOffset? _lastChatAt;
    private DateTimeOffset _lastActivityAt;
    private RoomMessageContent? _liveContent;

    private protected ChatRoom(RoomEvent created, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentException.ThrowIfNullOrWhiteSpace(created.RoomId, "id");
        if (created.Sequence != 1)
        {
            throw new ArgumentException($"A room's creation is its event 1; this {created.GetType().Name} has sequence {created.Sequence}.", nameof(created));
        }

        Id = created.RoomId;
        Clock = timeProvider ?? TimeProvider.System;
        CreatedAt = created.OccurredAt;
        _lastActivityAt = CreatedAt;
        _version = 1;
    }

    /// <summary>
    /// Raised after every change to the room, with a derived <see cref="ChatRoomEventArgs"/> that says what
    /// changed. See the class remarks for ordering and threading.
    /// </summary>
    /// <remarks>
    /// A handler that throws is logged to <see cref="Logger"/>; the change stays made, the caller is not failed, and the
    /// remaining handlers and later events are still delivered.
    /// </remarks>
    public event EventHandler<ChatRoomEventArgs>? Changed;

    /// <summary>Gets how long after sending a member may edit or recall a message: five minutes, inclusive (exactly 5:00 is allowed).</summary>
    public static TimeSpan EditAndRecallWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets where handlers of <see cref="Changed"/> that throw are logged.</summary>
    /// <value>A logger that discards everything.</value>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>
    /// Gets or sets how long a call waiting to raise its changes lets a <see cref="Changed"/> handler of an earlier change
    /// run before it treats the handler as waiting on it (a handler that blocks until another thread changes this room)
    /// and raises the changes ahead of its own itself, so that neither thread hangs. The stalled handler then hears later
    /// changes while it is still handling the earlier one.
    /// </summary>
    /// <value>Two seconds. <see cref="Timeout.InfiniteTimeSpan"/> always waits: handlers that block on another thread's change to this room then hang.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative and not <see cref="Timeout.InfiniteTimeSpan"/>, or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan HandlerStallTimeout
    {
        get => _events.StallTimeout;
        set
        {
            if (value != Timeout.InfiniteTimeSpan)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(HandlerStallTimeout));
                ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMilliseconds(int.MaxValue), nameof(HandlerStallTimeout));
            }

            _events.StallTimeout = value;
        }
    }

    /// <summary>Gets the room's id.</summary>
    public string Id { get; }

    /// <summary>Gets the kind of room.</summary>
    public abstract RoomKind Kind { get; }

    /// <summary>Gets when the room was created, on its clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the number of changes made to the room so far, its creation included: the <see cref="RoomEvent.Sequence"/> of the last event.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Gets the members, in the order they joined.</summary>
    public IReadOnlyList<RoomMember> Members
    {
        get
        {
            lock (_gate)
            {
                return [.. _members.Select(static state => state.Member)];
            }
        }
    }

    /// <summary>Gets a copy of every message, oldest first. A chatbot reply that is streaming shows its text so far. For long rooms, prefer <see cref="GetMessages"/>.</summary>
    public IReadOnlyList<RoomMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages.Select(static slot => slot.Snapshot())];
            }
        }
    }

    /// <summary>Gets the number of messages, recalled ones included.</summary>
    public int MessageCount
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Gets the room's clock.</summary>
    private protected TimeProvider Clock { get; }

    /// <summary>Gets the lock that guards the room's state; derived rooms take it for their own state too.</summary>
    private protected Lock Gate => _gate;

    /// <summary>Gets a value indicating whether the room offers the "@mentions only" notification setting.</summary>
    private protected virtual bool SupportsMentionsOnly => false;

    /// <summary>Determines whether someone is a member of the room.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns><see langword="true"/> when they are a member.</returns>
    public bool IsMember(string memberId)
    {
        lock (_gate)
        {
            return FindState(memberId) is not null;
        }
    }

    /// <summary>Finds a member by id.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns>The member, or <see langword="null"/> when they are not in the room.</returns>
    public RoomMember? FindMember(string memberId)
    {
        lock (_gate)
        {
            return FindState(memberId)?.Member;
        }
    }

    /// <summary>Gets a page of messages by sequence, oldest first, without copying the rest of the history.</summary>
    /// <param name="afterSequence">Only messages with a greater sequence; 0 for the first page.</param>
    /// <param name="maxCount">At most this many messages.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterSequence"/> is negative or <paramref name="maxCount"/> is not positive.</exception>
    public IReadOnlyList<RoomMessage> GetMessages(long afterSequence, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        lock (_gate)
        {
            if (afterSequence >= _messages.Count)
            {
                return [];
            }

            var count = (int)Math.Min(maxCount, _messages.Count - afterSequence);
            return [.. _messages.GetRange((int)afterSequence, count).Select(static slot => slot.Snapshot())];
        }
    }

    /// <summary>Gets a message as it is now.</summary>
    /// <param name="messageId">The message's id.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MessageNotFound"/>: no such message in this room.</exception>
    public RoomMessage GetMessage(string messageId)
    {
        lock (_gate)
        {
            return RequireSlot(messageId).Snapshot();
        }
    }

    /// <summary>Gets a message as it is now, if the room has it.</summary>
    /// <param name="messageId">The message's id.</param>
    /// <param name="message">The message, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the room has the message.</returns>
    public bool TryGetMessage(string messageId, [NotNullWhen(true)] out RoomMessage? message)
    {
        lock (_gate)
        {
            message = messageId is not null && _messagesById.TryGetValue(messageId, out var slot) ? slot.Snapshot() : null;
            return message is not null;
        }
    }

    /// <summary>
    /// Resolves the message a reply quotes, as it is now: the reply holds a reference, so once the original is
    /// recalled, the quote shows its tombstone.
    /// </summary>
    /// <param name="reply">A message of this room.</param>
    /// <returns>The quoted message, or <see langword="null"/> when <paramref name="reply"/> is not a reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public RoomMessage? GetQuotedMessage(RoomMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ReplyToMessageId is not { } target)
        {
            return null;
        }

        lock (_gate)
        {
            return _messagesById.TryGetValue(target, out var slot) ? slot.Snapshot() : null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} room {Id}";

    /// <summary>Makes a rule exception about this room.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="message">Why.</param>
    /// <param name="messageId">The message concerned.</param>
    /// <param name="memberId">The member concerned.</param>
    /// <returns>The exception, to throw.</returns>
    private protected ChatRoomRuleException Rule(ChatRoomRule rule, string message, string? messageId = null, string? memberId = null) =>
        new(rule, message, Id, messageId, memberId);

    /// <summary>Gets a message's slot or throws <see cref="ChatRoomRule.MessageNotFound"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="messageId">The message.</param>
    /// <returns>The slot.</returns>
    private protected MessageSlot RequireSlot(string messageId) =>
        messageId is not null && _messagesById.TryGetValue(messageId, out var slot) ? slot : throw NotFound(messageId, null);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private MemberState? FindState(string memberId)
    {
        foreach (var state in _members)
        {
            if (state.Member.Id == memberId)
            {
                return state;
            }
        }

        return null;
    }

    private List<RoomMember> MemberList() => [.. _members.Select(static state => state.Member)];

    private MemberState RequireMember(string memberId) => FindState(memberId) ?? throw NotAMember(memberId);

    private (MemberState Member, MessageSlot Slot) RequireMemberAndSlot(string memberId, string messageId) =>
        (RequireMember(memberId), RequireSlot(messageId));

    private ChatRoomRuleException NotAMember(string memberId) =>
        Rule(ChatRoomRule.NotAMember, $"'{memberId}' is not a member of room {Id}.", memberId: memberId);

    private ChatRoomRuleException NotFound(string? messageId, string? memberId) =>
        Rule(ChatRoomRule.MessageNotFound, $"Room {Id} has no message '{messageId}'.", messageId, memberId);
}

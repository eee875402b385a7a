using System.Text;
using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Rooms;

// The room as the fold of its events (docs/chat-rooms.md#rooms-that-last): recording a command's event, applying events to the state,
// restoring from events or a snapshot, and the rows the read models keep.
public abstract partial class ChatRoom
{
    /// <summary>
    /// Rebuilds a room from its stored history: a snapshot (or none) and the events after it, in sequence order.
    /// The room is the same as the one that recorded them, in state and in what it allows next.
    /// </summary>
    /// <param name="snapshot">The latest snapshot, or <see langword="null"/> to fold every event from the room's creation.</param>
    /// <param name="events">The events after the snapshot (all of them without one), in sequence order, without gaps.</param>
    /// <param name="timeProvider">The room's clock from now on; the system clock when <see langword="null"/>.</param>
    /// <returns>The room: an <see cref="EnquiryRoom"/>, <see cref="SpaceRoom"/>, <see cref="DirectRoom"/> or <see cref="ConferenceRoom"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There is neither a snapshot nor events; the first event is not a creation event; an event belongs to another room or
    /// leaves a gap in the sequence.
    /// </exception>
    public static ChatRoom Restore(RoomSnapshot? snapshot, IEnumerable<RoomEvent> events, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var remaining = events.GetEnumerator();
        ChatRoom room;
        if (snapshot is not null)
        {
            room = Create(snapshot.Created, timeProvider);
            room.LoadSnapshot(snapshot);
        }
        else if (remaining.MoveNext())
        {
            room = Create(remaining.Current, timeProvider);
        }
        else
        {
            throw new ArgumentException("A room is restored from a snapshot or from its events; both are empty.", nameof(events));
        }

        while (remaining.MoveNext())
        {
            var next = remaining.Current;
            if (next.RoomId != room.Id || next.Sequence != room._version + 1)
            {
                throw new ArgumentException(
                    $"Event {next.Sequence} of room {next.RoomId} does not follow version {room._version} of room {room.Id}; events are folded in order, without gaps.", nameof(events));
            }

            room.Fold(next);
        }

        return room;
    }

    /// <summary>Captures the room's whole state as data, to store as a snapshot and restore later with the events after it.</summary>
    /// <returns>The snapshot, at <see cref="Version"/>.</returns>
    public RoomSnapshot CreateSnapshot()
    {
        lock (_gate)
        {
            var snapshot = new RoomSnapshot
            {
                RoomId = Id,
                Version = _version,
                Created = CreationEvent,
                Members = [.. _members.Select(static state => new MemberSnapshot
                {
                    Member = state.Member, JoinedAt = state.JoinedAt, ReadSequence = state.ReadSequence, Setting = state.Setting, ConnectedAt = state.ConnectedAt,
                })],
                Messages = [.. _messages.Select(static slot => MessageData.From(slot.Snapshot()))],
                LastChatAt = _lastChatAt,
                LastActivityAt = _lastActivityAt,
            };
            return AddToSnapshot(snapshot);
        }
    }

    /// <summary>Gets the event that created the room (event 1).</summary>
    private protected abstract RoomEvent CreationEvent { get; }

    /// <summary>Gets the sequence the next event gets. Called under <see cref="Gate"/>.</summary>
    private protected long NextSequence => _version + 1;

    /// <summary>Gets what lists show for the room. Called under <see cref="Gate"/>.</summary>
    private protected virtual string Title => Id;

    /// <summary>Takes the events recorded since the last call, to commit them; the room keeps no copy.</summary>
    /// <returns>The events, in sequence order.</returns>
    internal IReadOnlyList<RoomEvent> TakePendingEvents()
    {
        lock (_gate)
        {
            RoomEvent[] taken = [.. _pending];
            _pending.Clear();
            return taken;
        }
    }

    /// <summary>Puts back events taken to commit when the commit failed, so a later save commits them.</summary>
    /// <param name="events">The events, as taken.</param>
    internal void ReturnPendingEvents(IReadOnlyList<RoomEvent> events)
    {
        lock (_gate)
        {
            _pending.InsertRange(0, events);
        }
    }

    /// <summary>Runs something under the room's lock, so what it reads is one moment of the room.</summary>
    /// <typeparam name="T">What it returns.</typeparam>
    /// <param name="action">What to run.</param>
    /// <returns>What it returned.</returns>
    internal T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    internal RoomRecord GetRoomRecord()
    {
        lock (_gate)
        {
            return new RoomRecord(Id, Kind, Title, _version, _lastActivityAt);
        }
    }

    internal IReadOnlyList<RoomMemberRecord> GetMemberRecords()
    {
        lock (_gate)
        {
            var title = Title;
            return [.. _members
                .Where(static state => state.Member.Kind != RoomMemberKind.Bot)
                .Select(state => new RoomMemberRecord(Id, state.Member.Id, Kind, title, state.Unread, state.ReadSequence, state.Setting, IsConnected(state) ? ActivityOf(state) : null))];
        }
    }

    internal MessageRecord GetMessageRecord(string messageId)
    {
        lock (_gate)
        {
            var message = RequireSlot(messageId).Snapshot();
            return new MessageRecord(Id, message.Id, message.Sequence, message.Sender.Id, message.Sender.DisplayName, message.Kind,
                message.IsRecalled ? null : message.Content.ToPlainText(), message.SentAt, message.EditedAt, message.RecalledAt);
        }
    }

    /// <summary>Adds a derived room's own state to a snapshot. Called under <see cref="Gate"/>.</summary>
    /// <param name="snapshot">The base room's snapshot.</param>
    /// <returns>The snapshot with the derived room's state.</returns>
    private protected virtual RoomSnapshot AddToSnapshot(RoomSnapshot snapshot) => snapshot;

    /// <summary>Loads a derived room's own state from a snapshot, after the base state. Called under <see cref="Gate"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    private protected virtual void LoadFromSnapshot(RoomSnapshot snapshot)
    {
    }

    /// <summary>Records a command's event: folds it into the state and keeps it to commit. Called under <see cref="Gate"/>, after every rule has passed.</summary>
    /// <param name="change">The event, with sequence <see cref="Version"/> + 1.</param>
    private protected void Record(RoomEvent change)
    {
        Fold(change);
        _pending.Add(change);
    }

    /// <summary>Records the room's creation event. Called by a public constructor, once.</summary>
    /// <param name="created">The creation event, already folded by the constructor.</param>
    private protected void RecordCreation(RoomEvent created) => _pending.Add(created);

    /// <summary>Folds an event into the state. Derived rooms handle their own events and pass the rest here. Called under <see cref="Gate"/>.</summary>
    /// <param name="change">The event.</param>
    private protected virtual void Apply(RoomEvent change)
    {
        switch (change)
        {
            case MessagePosted posted: ApplyPosted(posted); break;
            case MessageEdited edited: ApplyEdited(edited); break;
            case MessageRecalled recalled: ApplyRecalled(recalled); break;
            case MessagePreviewAttached preview:
                {
                    var slot = _messagesById[preview.MessageId];
                    slot.Message = new RoomMessage(slot.Message) { Previews = [.. slot.Message.Previews, preview.Preview] };
                    break;
                }

            case MemberJoined joined: ApplyJoined(joined); break;
            case MemberLeft left: _members.Remove(RequireMember(left.MemberId)); break;
            case MemberConnected connected:
                RequireMember(connected.MemberId).ConnectedAt = connected.OccurredAt;
                _lastActivityAt = Max(_lastActivityAt, connected.OccurredAt);
                break;
            case NotificationSettingChanged setting: RequireMember(setting.MemberId).Setting = setting.Setting; break;
            case ReadPositionMoved read:
                {
                    var state = RequireMember(read.MemberId);
                    state.Unread -= CountUnreadBetween(state, state.ReadSequence, read.ReadSequence);
                    state.ReadSequence = read.ReadSequence;
                    break;
                }

            case ChatbotReplyDeltaAppended delta: _messagesById[delta.MessageId].Pending!.Append(delta.Delta); break;
            case ChatbotReplyTextReplaced replaced: _messagesById[replaced.MessageId].Pending!.Clear().Append(replaced.Text); break;
            case ChatbotReplyCompleted completed:
                {
                    var slot = _messagesById[completed.MessageId];
                    slot.Pending = null;
                    slot.Message = new RoomMessage(slot.Message) { Content = TakeLiveContent() ?? completed.Content.ToContent() };
                    break;
                }

            default:
                throw new ArgumentException($"A {Kind} room does not fold {change.GetType().Name} events.", nameof(change));
        }
    }

    /// <summary>Records the in-process notification of a change, raised once the lock is released. Called under <see cref="Gate"/>, after <see cref="Record(RoomEvent)"/>.</summary>
    /// <param name="create">Makes the notification from the room's version and the time.</param>
    private protected void Enqueue(Func<long, DateTimeOffset, ChatRoomEventArgs> create) =>
        _events.Enqueue(create(_version, Clock.GetUtcNow()));

    /// <summary>Raises the recorded changes. Called after the lock is released.</summary>
    private protected void DeliverEvents() => _events.Deliver(this, () => Changed, Logger);

    private static ChatRoom Create(RoomEvent created, TimeProvider? timeProvider) => created switch
    {
        SpaceCreated space => new SpaceRoom(space, timeProvider),
        EnquiryOpened enquiry => new EnquiryRoom(enquiry, timeProvider),
        DirectRoomOpened direct => new DirectRoom(direct, timeProvider),
        ConferenceCreated conference => new ConferenceRoom(conference, timeProvider),
        _ => throw new ArgumentException($"A room starts with its creation event; {created.GetType().Name} (sequence {created.Sequence}) is not one.", nameof(created)),
    };

    /// <summary>
    /// Hands the content object a command already has to the fold of the event it records, so the live room shares the
    /// caller's object instead of a copy read back from the event's data. Called under <see cref="Gate"/>.
    /// </summary>
    /// <param name="change">The event.</param>
    /// <param name="content">The content the event carries as data.</param>
    private protected void Record(RoomEvent change, RoomMessageContent content)
    {
        _liveContent = content;
        try
        {
            Record(change);
        }
        finally
        {
            _liveContent = null;
        }
    }

    private RoomMessageContent? TakeLiveContent()
    {
        var content = _liveContent;
        _liveContent = null;
        return content;
    }

    private void Fold(RoomEvent change)
    {
        Apply(change);
        _version = change.Sequence;
    }

    private void LoadSnapshot(RoomSnapshot snapshot)
    {
        lock (_gate)
        {
            foreach (var member in snapshot.Members)
            {
                _members.Add(new MemberState(member.Member, member.JoinedAt, member.ReadSequence) { Setting = member.Setting, ConnectedAt = member.ConnectedAt });
            }

            foreach (var data in snapshot.Messages)
            {
                var slot = new MessageSlot(data.ToMessage(Id));
                if (slot.Message.Content is ChatbotReplyContent { State: ChatbotReplyState.Streaming } streaming)
                {
                    slot.Pending = new StringBuilder(streaming.Text);
                }

                _messages.Add(slot);
                _messagesById.Add(slot.Message.Id, slot);
            }

            foreach (var state in _members)
            {
                state.Unread = CountUnreadBetween(state, state.ReadSequence, _messages.Count);
            }

            _lastChatAt = snapshot.LastChatAt;
            _lastActivityAt = snapshot.LastActivityAt;
            _version = snapshot.Version;
            LoadFromSnapshot(snapshot);
        }
    }

    private void ApplyPosted(MessagePosted posted)
    {
        var message = posted.Message.ToMessage(Id, TakeLiveContent());
        var slot = new MessageSlot(message);
        if (message.Content is ChatbotReplyContent { State: ChatbotReplyState.Streaming } streaming)
        {
            slot.Pending = new StringBuilder(streaming.Text);
        }

        _messages.Add(slot);
        _messagesById.Add(message.Id, slot);
        _lastActivityAt = Max(_lastActivityAt, message.SentAt);
        if (message.Content is not SystemMessageContent)
        {
            _lastChatAt = message.SentAt;
            if (FindState(message.Sender.Id) is { ConnectedAt: null } senderState)
            {
                senderState.ConnectedAt = message.SentAt; // Starting to chat puts the room in the sender's Recent Connections.
            }
        }

        foreach (var state in _members)
        {
            if (CountsAsUnread(message, state))
            {
                state.Unread++;
            }
        }
    }

    private void ApplyEdited(MessageEdited edited)
    {
        var slot = _messagesById[edited.MessageId];
        slot.Message = new RoomMessage(slot.Message) { Content = new TextMessageContent(edited.Text), Mentions = edited.Mentions, EditedAt = edited.OccurredAt };
    }

    private void ApplyRecalled(MessageRecalled recalled)
    {
        var slot = _messagesById[recalled.MessageId];
        var before = slot.Message;
        foreach (var state in _members)
        {
            if (CountsAsUnread(before, state))
            {
                state.Unread--;
            }
        }

        slot.Message = new RoomMessage(before.Id, Id, before.Sequence, before.Sender, before.SentAt, RecalledMessageContent.Instance)
        {
            RecalledAt = recalled.OccurredAt,
            EditedAt = before.EditedAt,
        };
    }

    private void ApplyJoined(MemberJoined joined)
    {
        var state = new MemberState(joined.Member, joined.OccurredAt, joined.ReadSequence);
        if (joined.Connected)
        {
            state.ConnectedAt = joined.OccurredAt;
            _lastActivityAt = Max(_lastActivityAt, joined.OccurredAt);
        }

        _members.Add(state);
        state.Unread = CountUnreadBetween(state, state.ReadSequence, _messages.Count);
    }
}

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// A room store that keeps everything in the process's memory: for tests, samples and rooms that need not outlive the
/// process. Every operation is atomic and thread-safe; it also serves as a change feed within the process.
/// </summary>
public sealed class InMemoryRoomStore : IRoomStore, IRoomChangeFeed
{
    private const int FeedPageSize = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RoomData> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RoomMemberRecord>> _membersByMember = new(StringComparer.Ordinal);
    private readonly List<(string RoomId, RoomWorkItem Item)> _work = [];
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the work items committed so far, in commit order, with their rooms.</summary>
    public IReadOnlyList<(string RoomId, RoomWorkItem Item)> Work
    {
        get
        {
            lock (_gate)
            {
                return [.. _work];
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredRoom?> LoadAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room))
            {
                return ValueTask.FromResult<StoredRoom?>(null);
            }

            var after = room.Snapshot?.Version ?? 0;
            return ValueTask.FromResult<StoredRoom?>(new StoredRoom(roomId, room.Snapshot, [.. room.Events.Skip((int)after)]));
        }
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(RoomCommit commit, CancellationToken cancellationToken = default)
    {
        RoomCommitValidation.Check(commit);
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource committed;
        lock (_gate)
        {
            var version = _rooms.TryGetValue(commit.RoomId, out var room) ? room.Events.Count : 0;
            if (version != commit.ExpectedVersion)
            {
                throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, version);
            }

            if (commit.Idempotency is { } key && room is not null && room.Keys.ContainsKey(key.Key))
            {
                throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, version) { IsDuplicateIdempotencyKey = true };
            }

            room ??= _rooms[commit.RoomId] = new RoomData();
            room.Events.AddRange(commit.Events);
            room.Record = commit.Room;
            if (commit.Snapshot is { } snapshot)
            {
                room.Snapshot = snapshot;
            }

            if (commit.Idempotency is { } idempotency)
            {
                room.Keys[idempotency.Key] = idempotency;
            }

            foreach (var message in commit.Messages)
            {
                var index = (int)message.Sequence - 1;
                if (index == room.Messages.Count)
                {
                    room.Messages.Add(message);
                }
                else
                {
                    room.Messages[index] = message;
                }
            }

            foreach (var left in commit.MembersLeft)
            {
                if (_membersByMember.TryGetValue(left, out var rooms))
                {
                    rooms.Remove(commit.RoomId);
                }
            }

            foreach (var member in commit.Members)
            {
                if (!_membersByMember.TryGetValue(member.MemberId, out var rooms))
                {
                    _membersByMember[member.MemberId] = rooms = new(StringComparer.Ordinal);
                }

                rooms[commit.RoomId] = member;
            }

            foreach (var item in commit.Work)
            {
                _work.Add((commit.RoomId, item));
            }

            committed = _committed;
            _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        committed.SetResult();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SerializedRoomEvent>> ReadEventsAsync(string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SerializedRoomEvent> page = _rooms.TryGetValue(roomId, out var room) && afterSequence < room.Events.Count
                ? room.Events.GetRange((int)afterSequence, (int)Math.Min(maxCount, room.Events.Count - afterSequence))
                : [];
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MessageRecord>> ReadMessagesAsync(string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<MessageRecord> page = _rooms.TryGetValue(roomId, out var room) && afterSequence < room.Messages.Count
                ? room.Messages.GetRange((int)afterSequence, (int)Math.Min(maxCount, room.Messages.Count - afterSequence))
                : [];
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<MemberInbox> ReadInboxAsync(string memberId, int maxRooms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRooms);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_membersByMember.TryGetValue(memberId, out var rooms))
            {
                return ValueTask.FromResult(new MemberInbox(memberId, 0, []));
            }

            var badge = rooms.Values.Count(static row => row.UnreadCount > 0);
            var shown = rooms.Values
                .Where(static row => row.LastActivityAt is not null || row.UnreadCount > 0)
                .OrderByDescending(row => row.LastActivityAt ?? _rooms[row.RoomId].Record!.LastActivityAt)
                .ThenBy(static row => row.RoomId, StringComparer.Ordinal)
                .Take(maxRooms)
                .ToArray();
            return ValueTask.FromResult(new MemberInbox(memberId, badge, shown));
        }
    }

    /// <inheritdoc />
    public ValueTask<IdempotencyRecord?> FindIdempotencyKeyAsync(string roomId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_rooms.TryGetValue(roomId, out var room) ? room.Keys.GetValueOrDefault(key) : null);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<SerializedRoomEvent> SubscribeAsync(string roomId, long afterSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return RoomFeedFollower.FollowAsync(
            afterSequence, FeedPageSize, (after, token) => ReadEventsAsync(roomId, after, FeedPageSize, token), TakeWakeUp, pollInterval: null, TimeProvider.System, cancellationToken);
    }

    private Task TakeWakeUp()
    {
        lock (_gate)
        {
            return _committed.Task;
        }
    }

    private sealed class RoomData
    {
        public List<SerializedRoomEvent> Events { get; } = [];

        public List<MessageRecord> Messages { get; } = [];

        public Dictionary<string, IdempotencyRecord> Keys { get; } = new(StringComparer.Ordinal);

        public StoredSnapshot? Snapshot { get; set; }

        public RoomRecord? Record { get; set; }
    }
}

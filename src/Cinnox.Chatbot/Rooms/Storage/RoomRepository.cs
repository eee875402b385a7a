using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Runs commands on stored rooms (docs/chat-rooms.md#rooms-that-last): loads a room (snapshot plus the events after it), runs the command on
/// it, and commits the new events with the read models in one transaction if the room is still at the version the
/// command saw; on a conflict it re-runs the command on the fresh room, a bounded number of times with jitter. A
/// command may carry an idempotency key: repeating it returns the first result and changes nothing. Committed events
/// are published through <see cref="Committed"/>, in room order, never failing the command.
/// </summary>
/// <remarks>
/// <para>
/// Rooms are kept loaded between commands (up to <see cref="RoomRepositoryOptions.MaxCachedRooms"/>); commands on one
/// room in one process run one at a time, and a room changed by another process is noticed by the version check and
/// loaded again. Do not change a room returned by <see cref="FindAsync"/>: it is a copy, and changes to it are not stored.
/// </para>
/// <para>
/// A command may run more than once, so it must only touch the room it is given (and queue work through
/// <see cref="RoomCommandContext.QueueWork"/>), never call out. A <see cref="ChatRoomRuleException"/> from the command
/// reaches the caller and commits nothing.
/// </para>
/// </remarks>
public sealed partial class RoomRepository : IAsyncDisposable
{
    private const int InboxDefaultSize = 100;
    private readonly IRoomStore _store;
    private readonly RoomRepositoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CachedRoom> _rooms = new(StringComparer.Ordinal);
    private readonly Channel<RoomEventsCommittedEventArgs> _published = Channel.CreateUnbounded<RoomEventsCommittedEventArgs>(new() { SingleReader = true });
    private readonly Task _publishing;

    /// <summary>Initializes a new instance of the <see cref="RoomRepository"/> class.</summary>
    /// <param name="store">Where the rooms are kept.</param>
    /// <param name="options">Retries, snapshots and caching; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock rooms read and retries wait on; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where failing <see cref="Committed"/> handlers and retries are logged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public RoomRepository(IRoomStore store, RoomRepositoryOptions? options = null, TimeProvider? timeProvider = null, ILogger<RoomRepository>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _options = options ?? new RoomRepositoryOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxConflictRetries, "options.MaxConflictRetries");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.SnapshotEvery, "options.SnapshotEvery");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxCachedRooms, "options.MaxCachedRooms");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConflictDelay, TimeSpan.Zero, "options.MaxConflictDelay");
        _store = store;
        _clock = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _publishing = Task.Run(PublishAsync);
    }

    /// <summary>
    /// Raised after each commit with the events it added, in the order the rooms committed them (one handler call at a
    /// time, on a background thread). A handler that throws is logged; the command has already returned and is never
    /// failed, repeated or reordered by it.
    /// </summary>
    public event EventHandler<RoomEventsCommittedEventArgs>? Committed;

    /// <summary>Gets the store the repository writes to.</summary>
    public IRoomStore Store => _store;

    /// <summary>Stores a new room: its creation events, with the read models.</summary>
    /// <typeparam name="TRoom">The kind of room.</typeparam>
    /// <param name="room">The room, just constructed (nothing stored yet), such as a new <see cref="SpaceRoom"/>.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>A copy of the room as stored, to read from.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="room"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.RoomAlreadyExists"/>: the store already has a room with the id.</exception>
    public async Task<TRoom> CreateAsync<TRoom>(TRoom room, CancellationToken cancellationToken = default)
        where TRoom : ChatRoom
    {
        ArgumentNullException.ThrowIfNull(room);
        var entry = _rooms.GetOrAdd(room.Id, static _ => new CachedRoom());
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var events = room.TakePendingEvents();
            try
            {
                await _store.AppendAsync(BuildCommit(room, 0, events, [], null), cancellationToken).ConfigureAwait(false);
            }
            catch (RoomVersionConflictException exception)
            {
                throw new ChatRoomRuleException(ChatRoomRule.RoomAlreadyExists,
                    $"A room with the id '{room.Id}' already exists (at version {exception.ActualVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}); create the new room under another id.",
                    room.Id);
            }

            entry.Room = null; // Loaded again on first use, so callers keep no shared instance.
            Publish(room.Id, events);
            return (TRoom)ChatRoom.Restore(room.CreateSnapshot(), [], _clock);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// Saves the changes a room made since it was created or last saved: for a room driven directly in this process,
    /// such as an enquiry a <see cref="ChatbotConversation"/> answers in. The room must not also be changed through
    /// <see cref="ExecuteAsync{T}(string, Func{RoomCommandContext, T}, string?, CancellationToken)"/> or by another process.
    /// </summary>
    /// <param name="room">The live room.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>The room's version as saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="room"/> is null.</exception>
    /// <exception cref="RoomVersionConflictException">The store's copy of the room was changed by someone else; the live room's changes stay unsaved.</exception>
    public async Task<long> SaveAsync(ChatRoom room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        var entry = _rooms.GetOrAdd(room.Id, static _ => new CachedRoom());
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (events, commit) = room.Locked(() =>
            {
                var taken = room.TakePendingEvents();
                return (taken, taken.Count == 0 ? null : BuildCommit(room, room.Version - taken.Count, taken, [], null));
            });
            if (commit is null)
            {
                return room.Version;
            }

            try
            {
                await _store.AppendAsync(commit, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                room.ReturnPendingEvents(events);
                throw;
            }

            entry.Room = null;
            Publish(room.Id, events);
            return events[^1].Sequence;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Loads a copy of a room as stored now, to read from.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The room, or <see langword="null"/> when the store has no room with the id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roomId"/> is null.</exception>
    /// <exception cref="RoomEventFormatException">A stored event cannot be read by this version of the library.</exception>
    public async Task<ChatRoom?> FindAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        return await LoadAsync(roomId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command on a stored room and commits what it changed; see the class remarks.</summary>
    /// <typeparam name="T">What the command returns.</typeparam>
    /// <param name="roomId">The room's id.</param>
    /// <param name="command">The command; it may run more than once, each time on the fresh room.</param>
    /// <param name="idempotencyKey">A client key (such as a client message id): a repeated key returns the first run's result and changes nothing.</param>
    /// <param name="cancellationToken">Cancels the command; once committed, it stays committed.</param>
    /// <returns>What the command returned, with the message it posted or changed and the room's version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roomId"/> or <paramref name="command"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">A rule refused the command (nothing was committed), or <see cref="ChatRoomRule.RoomNotFound"/>.</exception>
    /// <exception cref="RoomVersionConflictException">Other writers committed first more than <see cref="RoomRepositoryOptions.MaxConflictRetries"/> times in a row.</exception>
    public async Task<RoomCommandResult<T>> ExecuteAsync<T>(string roomId, Func<RoomCommandContext, T> command, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(command);
        if (idempotencyKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        }

        for (var attempt = 0; ; attempt++)
        {
            var entry = _rooms.GetOrAdd(roomId, static _ => new CachedRoom());
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            RoomVersionConflictException conflict;
            try
            {
                if (idempotencyKey is not null && await _store.FindIdempotencyKeyAsync(roomId, idempotencyKey, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    return new RoomCommandResult<T>(default, earlier.MessageId, earlier.MessageSequence, earlier.Version, Repeated: true);
                }

                var room = entry.Room ??= await LoadAsync(roomId, cancellationToken).ConfigureAwait(false)
                    ?? throw new ChatRoomRuleException(ChatRoomRule.RoomNotFound, $"There is no room '{roomId}' in the store; create it first.", roomId);
                var before = room.Version;
                var context = new RoomCommandContext(room);
                T value;
                try
                {
                    value = command(context);
                }
                catch
                {
                    entry.Room = null; // A refused command changes nothing, but a command that failed half-way must not leave its changes behind.
                    throw;
                }

                var events = room.TakePendingEvents();
                var (messageId, messageSequence) = FindMessage(room, events);
                if (events.Count == 0)
                {
                    return new RoomCommandResult<T>(value, messageId, messageSequence, before, Repeated: false);
                }

                var idempotency = idempotencyKey is null ? null : new IdempotencyRecord(roomId, idempotencyKey, messageId, messageSequence, room.Version);
                try
                {
                    await _store.AppendAsync(BuildCommit(room, before, events, context.Work, idempotency), cancellationToken).ConfigureAwait(false);
                }
                catch (RoomVersionConflictException exception)
                {
                    entry.Room = null;
                    conflict = exception;
                    goto Retry;
                }
                catch
                {
                    entry.Room = null; // Unknown whether it committed: load again next time.
                    throw;
                }

                Publish(roomId, events);
                TrimCache();
                return new RoomCommandResult<T>(value, messageId, messageSequence, room.Version, Repeated: false);
            }
            finally
            {
                entry.Gate.Release();
            }

        Retry:
            if (attempt >= _options.MaxConflictRetries)
            {
                Log.GaveUp(_logger, roomId, attempt + 1);
                throw conflict;
            }

            Log.Retrying(_logger, roomId, conflict.ExpectedVersion, attempt + 1);
            await Task.Delay(ConflictDelay(attempt), _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a command on a stored room; see <see cref="ExecuteAsync{T}(string, Func{RoomCommandContext, T}, string?, CancellationToken)"/>.</summary>
    /// <typeparam name="T">What the command returns.</typeparam>
    /// <param name="roomId">The room's id.</param>
    /// <param name="command">The command; it may run more than once.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>What the command returned.</returns>
    /// <exception cref="ChatRoomRuleException">A rule refused the command, or <see cref="ChatRoomRule.RoomNotFound"/>.</exception>
    /// <exception cref="RoomVersionConflictException">Other writers kept committing first; see <see cref="RoomRepositoryOptions.MaxConflictRetries"/>.</exception>
    public async Task<T> ExecuteAsync<T>(string roomId, Func<ChatRoom, T> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = await ExecuteAsync(roomId, context => command(context.Room), null, cancellationToken).ConfigureAwait(false);
        return result.Value!;
    }

    /// <summary>Reads a member's unread-rooms badge and Recent Connections from the read models.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="maxRooms">At most this many rooms.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The badge and rooms.</returns>
    public ValueTask<MemberInbox> ReadInboxAsync(string memberId, int maxRooms = InboxDefaultSize, CancellationToken cancellationToken = default) =>
        _store.ReadInboxAsync(memberId, maxRooms, cancellationToken);

    /// <summary>Reads a page of a room's message history from the read model, oldest first.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="afterSequence">Only messages after this message sequence.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages.</returns>
    public ValueTask<IReadOnlyList<MessageRecord>> ReadMessagesAsync(string roomId, long afterSequence = 0, int maxCount = 100, CancellationToken cancellationToken = default) =>
        _store.ReadMessagesAsync(roomId, afterSequence, maxCount, cancellationToken);

    /// <summary>Waits until every committed event so far has been handed to the <see cref="Committed"/> handlers, then stops publishing.</summary>
    /// <returns>A task that completes when publishing has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _published.Writer.TryComplete();
        await _publishing.ConfigureAwait(false);
    }

    private TimeSpan ConflictDelay(int attempt)
    {
        var ceiling = Math.Min(_options.MaxConflictDelay.TotalMilliseconds, Math.Pow(2, Math.Min(attempt, 20)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "A handler of RoomRepository.Committed failed for room {RoomId} at event {Sequence}; the command was committed and later events are still published.")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string roomId, long sequence);

        [LoggerMessage(2, LogLevel.Debug, "Room {RoomId} moved on from version {Version}; re-running the command (attempt {Attempt}).")]
        public static partial void Retrying(ILogger logger, string roomId, long version, int attempt);

        [LoggerMessage(3, LogLevel.Warning, "Room {RoomId}: other writers committed first {Attempts} times in a row; giving up.")]
        public static partial void GaveUp(ILogger logger, string roomId, int attempts);
    }
}

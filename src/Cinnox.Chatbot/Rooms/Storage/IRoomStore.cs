namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Where rooms are kept (docs/chat-rooms.md#rooms-that-last): each room's events, an optional snapshot, and the read models — message history,
/// unread counts per member and room, the unread-rooms badge and Recent Connections — all written in one
/// transaction, so the read models never disagree with the events.
/// </summary>
/// <remarks>
/// Providers: <see cref="InMemoryRoomStore"/> here, SQLite in <c>Cinnox.Chatbot.Rooms.Sqlite</c>. A provider passes the
/// shared contract test suite. Most code uses <see cref="RoomRepository"/>, which loads rooms, runs commands with
/// bounded conflict retries and publishes committed events; the store is the seam between it and the database.
/// </remarks>
public interface IRoomStore
{
    /// <summary>Loads a room: its latest snapshot, if any, and the events after it, in sequence order.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The stored room, or <see langword="null"/> when no event of the room was ever committed.</returns>
    ValueTask<StoredRoom?> LoadAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a room's new events, with the read-model rows, snapshot, idempotency key and work items that go with
    /// them, all or nothing, if the room is still at <see cref="RoomCommit.ExpectedVersion"/>.
    /// </summary>
    /// <param name="commit">What to commit.</param>
    /// <param name="cancellationToken">Cancels the commit; once the transaction has committed, it stays committed.</param>
    /// <returns>A task that completes when the commit is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is null.</exception>
    /// <exception cref="RoomVersionConflictException">
    /// The room is no longer at the expected version (another writer committed first), or the commit's idempotency key
    /// was already used in the room; nothing was written.
    /// </exception>
    ValueTask AppendAsync(RoomCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Reads a room's events after a sequence, in order: a page of its history, or a change feed's catch-up.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="afterSequence">Only events with a greater sequence; 0 for all.</param>
    /// <param name="maxCount">At most this many events.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in sequence order; empty when there are none.</returns>
    ValueTask<IReadOnlyList<SerializedRoomEvent>> ReadEventsAsync(string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of a room's message history (a read model), oldest first.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="afterSequence">Only messages with a greater message sequence; 0 for the first page.</param>
    /// <param name="maxCount">At most this many messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages as they are now, in message-sequence order.</returns>
    ValueTask<IReadOnlyList<MessageRecord>> ReadMessagesAsync(string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Reads a member's unread-rooms badge and Recent Connections (read models); costs the same however long the rooms' histories are.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="maxRooms">At most this many Recent Connections, most recent activity first.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The badge and the rooms.</returns>
    ValueTask<MemberInbox> ReadInboxAsync(string memberId, int maxRooms, CancellationToken cancellationToken = default);

    /// <summary>Finds what a command with an idempotency key committed in a room, if it ran before.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="key">The idempotency key (a client message id).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The first run's result, or <see langword="null"/> when the key was not used in the room.</returns>
    ValueTask<IdempotencyRecord?> FindIdempotencyKeyAsync(string roomId, string key, CancellationToken cancellationToken = default);
}

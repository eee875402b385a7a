using System.Data.Common;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Data.Sqlite;

namespace Cinnox.Chatbot.Rooms.Sqlite;

// Reads: a room (snapshot + tail), events by sequence, history pages, a member's inbox, idempotency keys, the feed.
public sealed partial class SqliteRoomStore
{
    /// <inheritdoc />
    public async ValueTask<StoredRoom?> LoadAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);

        // One read transaction, so the snapshot and the tail come from the same moment.
        using var transaction = connection.BeginTransaction(deferred: true);
        StoredSnapshot? snapshot = null;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT version, schema_version, data FROM room_snapshots WHERE room_id = $r;";
            command.Parameters.AddWithValue("$r", roomId);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                snapshot = RoomStoreRows.ReadSnapshot(reader, roomId);
            }
        }

        var events = await ReadEventsCoreAsync(connection, transaction, roomId, snapshot?.Version ?? 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return RoomStoreRows.ToStoredRoom(roomId, snapshot, events);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SerializedRoomEvent>> ReadEventsAsync(string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        return await ReadEventsCoreAsync(connection, null, roomId, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MessageRecord>> ReadMessagesAsync(string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, message_id, sender_id, sender_name, kind, text, sent_at, edited_at, recalled_at FROM room_messages
            WHERE room_id = $r AND sequence > $after ORDER BY sequence LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", maxCount);
        var page = new List<MessageRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(RoomStoreRows.ReadMessage(reader, roomId, ReadTime));
        }

        return page;
    }

    /// <inheritdoc />
    public async ValueTask<MemberInbox> ReadInboxAsync(string memberId, int maxRooms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRooms);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM room_members WHERE member_id = $m AND unread > 0;";
        command.Parameters.AddWithValue("$m", memberId);
        var badge = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = """
            SELECT m.room_id, m.kind, m.title, m.unread, m.read_sequence, m.setting, m.last_activity_at FROM room_members m JOIN rooms r ON r.room_id = m.room_id
            WHERE m.member_id = $m AND (m.last_activity_at IS NOT NULL OR m.unread > 0)
            ORDER BY COALESCE(m.last_activity_at, r.last_activity_at) DESC, m.room_id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", maxRooms);
        var rooms = new List<RoomMemberRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rooms.Add(RoomStoreRows.ReadInboxEntry(reader, 0, memberId, ReadTime));
        }

        return new MemberInbox(memberId, badge, rooms);
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyRecord?> FindIdempotencyKeyAsync(string roomId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(key);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id, message_sequence, version FROM idempotency_keys WHERE room_id = $r AND key = $k;";
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$k", key);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? RoomStoreRows.ReadIdempotencyKey(reader, roomId, key)
            : null;
    }

    /// <inheritdoc />
    /// <remarks>Events this store commits wake the subscriber at once; events other processes commit are found within <see cref="SqliteRoomStoreOptions.FeedPollInterval"/>.</remarks>
    public IAsyncEnumerable<SerializedRoomEvent> SubscribeAsync(string roomId, long afterSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return RoomFeedFollower.FollowAsync(
            afterSequence, FeedPageSize, (after, token) => ReadEventsAsync(roomId, after, FeedPageSize, token), TakeWakeUp, _options.FeedPollInterval, TimeProvider.System, cancellationToken);
    }

    private Task TakeWakeUp()
    {
        lock (_gate)
        {
            return _committed.Task;
        }
    }

    private static async Task<IReadOnlyList<SerializedRoomEvent>> ReadEventsCoreAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sequence, type, schema_version, occurred_at, data FROM room_events WHERE room_id = $r AND sequence > $after ORDER BY sequence LIMIT $limit;";
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", maxCount);
        var events = new List<SerializedRoomEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(RoomStoreRows.ReadEvent(reader, roomId, ReadTime));
        }

        return events;
    }

    // Times are kept as UTC ticks.
    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);
}

using System.Runtime.CompilerServices;
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
                snapshot = new StoredSnapshot(roomId, reader.GetInt64(0), reader.GetInt32(1), (byte[])reader[2]);
            }
        }

        var events = await ReadEventsCoreAsync(connection, transaction, roomId, snapshot?.Version ?? 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return snapshot is null && events.Count == 0 ? null : new StoredRoom(roomId, snapshot, events);
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
            page.Add(new MessageRecord(roomId, reader.GetString(1), reader.GetInt64(0), reader.GetString(2), reader.GetString(3), Enum.Parse<RoomMessageKind>(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5), Time(reader.GetInt64(6)), NullableTime(reader, 7), NullableTime(reader, 8)));
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
            rooms.Add(new RoomMemberRecord(reader.GetString(0), memberId, Enum.Parse<RoomKind>(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4),
                Enum.Parse<RoomNotificationSetting>(reader.GetString(5)), NullableTime(reader, 6)));
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
            ? new IdempotencyRecord(roomId, key, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2))
            : null;
    }

    /// <inheritdoc />
    /// <remarks>Events this store commits wake the subscriber at once; events other processes commit are found within <see cref="SqliteRoomStoreOptions.FeedPollInterval"/>.</remarks>
    public async IAsyncEnumerable<SerializedRoomEvent> SubscribeAsync(string roomId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        var last = afterSequence;
        while (true)
        {
            Task wake;
            lock (_gate)
            {
                wake = _committed.Task;
            }

            var page = await ReadEventsAsync(roomId, last, 256, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                last = stored.Sequence;
                yield return stored;
            }

            if (page.Count == 0)
            {
                await Task.WhenAny(wake, Task.Delay(_options.FeedPollInterval, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
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
            events.Add(new SerializedRoomEvent(roomId, reader.GetInt64(0), Time(reader.GetInt64(3)), reader.GetString(1), reader.GetInt32(2), (byte[])reader[4]));
        }

        return events;
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));
}

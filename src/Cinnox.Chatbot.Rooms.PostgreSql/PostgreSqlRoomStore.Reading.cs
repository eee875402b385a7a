using System.Data.Common;
using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

// Reads: a room (snapshot + tail), events by sequence, history pages, a member's inbox, idempotency keys.
public sealed partial class PostgreSqlRoomStore
{
    /// <inheritdoc />
    public async ValueTask<StoredRoom?> LoadAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);

        // One repeatable-read transaction, so the snapshot and the tail come from the same moment.
        using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        StoredSnapshot? snapshot = null;
        using (var command = new NpgsqlCommand($"SELECT version, schema_version, data FROM {_schema}.room_snapshots WHERE room_id = $1;", connection, transaction))
        {
            command.Parameters.Add(new() { Value = roomId });
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                snapshot = RoomStoreRows.ReadSnapshot(reader, roomId);
            }
        }

        var events = await ReadEventsCoreAsync(connection, transaction, roomId, snapshot?.Version ?? 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
        using var command = new NpgsqlCommand($"""
            SELECT sequence, message_id, sender_id, sender_name, kind, text, sent_at, edited_at, recalled_at FROM {_schema}.room_messages
            WHERE room_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3;
            """, connection);
        command.Parameters.Add(new() { Value = roomId });
        command.Parameters.Add(new() { Value = afterSequence });
        command.Parameters.Add(new() { Value = (long)maxCount });
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

        // The badge and the page in one statement, so they come from the same moment.
        using var command = new NpgsqlCommand($"""
            SELECT (SELECT COUNT(*) FROM {_schema}.room_members WHERE member_id = $1 AND unread > 0), p.* FROM (
                SELECT m.room_id, m.kind, m.title, m.unread, m.read_sequence, m.setting, m.last_activity_at FROM {_schema}.room_members m
                JOIN {_schema}.rooms r ON r.room_id = m.room_id
                WHERE m.member_id = $1 AND (m.last_activity_at IS NOT NULL OR m.unread > 0)
                ORDER BY COALESCE(m.last_activity_at, r.last_activity_at) DESC, m.room_id COLLATE "C" LIMIT $2) p
            RIGHT JOIN (SELECT 1) one ON true;
            """, connection);
        command.Parameters.Add(new() { Value = memberId });
        command.Parameters.Add(new() { Value = (long)maxRooms });
        var rooms = new List<RoomMemberRecord>();
        var badge = 0;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            badge = (int)reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                rooms.Add(RoomStoreRows.ReadInboxEntry(reader, 1, memberId, ReadTime));
            }
        }

        return new MemberInbox(memberId, badge, rooms);
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyRecord?> FindIdempotencyKeyAsync(string roomId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(key);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT message_id, message_sequence, version FROM {_schema}.idempotency_keys WHERE room_id = $1 AND key = $2;", connection);
        command.Parameters.Add(new() { Value = roomId });
        command.Parameters.Add(new() { Value = key });
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? RoomStoreRows.ReadIdempotencyKey(reader, roomId, key)
            : null;
    }

    private async Task<IReadOnlyList<SerializedRoomEvent>> ReadEventsCoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string roomId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            $"SELECT sequence, type, schema_version, occurred_at, data FROM {_schema}.room_events WHERE room_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3;", connection, transaction);
        command.Parameters.Add(new() { Value = roomId });
        command.Parameters.Add(new() { Value = afterSequence });
        command.Parameters.Add(new() { Value = (long)maxCount });
        var events = new List<SerializedRoomEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(RoomStoreRows.ReadEvent(reader, roomId, ReadTime));
        }

        return events;
    }

    // Times are kept as timestamptz.
    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}

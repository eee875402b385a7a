using System.Data.Common;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Turns the rows a relational room store reads back into the records of the store seam, so that every provider decodes
/// the same columns the same way and answers a load the same way.
/// </summary>
/// <remarks>
/// Each method reads the columns it names in that order, from ordinal 0 (or <c>first</c>); the provider's <c>SELECT</c>
/// lists them so. Providers keep a point in time differently (UTC ticks, <c>timestamptz</c>), so each passes its own
/// <c>readTime</c>; a null column is read as <see langword="null"/> without asking it.
/// </remarks>
public static class RoomStoreRows
{
    /// <summary>Reads a snapshot row: <c>version, schema_version, data</c>.</summary>
    /// <param name="row">The reader, positioned on the row.</param>
    /// <param name="roomId">The room the row belongs to.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or <paramref name="roomId"/> is null.</exception>
    public static StoredSnapshot ReadSnapshot(DbDataReader row, string roomId)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(roomId);
        return new StoredSnapshot(roomId, row.GetInt64(0), row.GetInt32(1), row.GetFieldValue<byte[]>(2));
    }

    /// <summary>Reads an event row: <c>sequence, type, schema_version, occurred_at, data</c>.</summary>
    /// <param name="row">The reader, positioned on the row.</param>
    /// <param name="roomId">The room the row belongs to.</param>
    /// <param name="readTime">Reads the provider's time column at an ordinal.</param>
    /// <returns>The event as stored.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SerializedRoomEvent ReadEvent(DbDataReader row, string roomId, Func<DbDataReader, int, DateTimeOffset> readTime)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(readTime);
        return new SerializedRoomEvent(roomId, row.GetInt64(0), readTime(row, 3), row.GetString(1), row.GetInt32(2), row.GetFieldValue<byte[]>(4));
    }

    /// <summary>
    /// Reads a message history row:
    /// <c>sequence, message_id, sender_id, sender_name, kind, text, sent_at, edited_at, recalled_at</c>.
    /// </summary>
    /// <param name="row">The reader, positioned on the row.</param>
    /// <param name="roomId">The room the row belongs to.</param>
    /// <param name="readTime">Reads the provider's time column at an ordinal.</param>
    /// <returns>The message row.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The <c>kind</c> column names no <see cref="RoomMessageKind"/>.</exception>
    public static MessageRecord ReadMessage(DbDataReader row, string roomId, Func<DbDataReader, int, DateTimeOffset> readTime)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(readTime);
        return new MessageRecord(
            roomId, row.GetString(1), row.GetInt64(0), row.GetString(2), row.GetString(3), Enum.Parse<RoomMessageKind>(row.GetString(4)),
            row.IsDBNull(5) ? null : row.GetString(5), readTime(row, 6), NullableTime(row, 7, readTime), NullableTime(row, 8, readTime));
    }

    /// <summary>
    /// Reads a member's room row for the inbox:
    /// <c>room_id, kind, title, unread, read_sequence, setting, last_activity_at</c>, from ordinal <paramref name="first"/>.
    /// </summary>
    /// <param name="row">The reader, positioned on the row.</param>
    /// <param name="first">The ordinal of <c>room_id</c>: 0 unless the query selects other columns first.</param>
    /// <param name="memberId">The member whose inbox is read.</param>
    /// <param name="readTime">Reads the provider's time column at an ordinal.</param>
    /// <returns>The member's row of that room.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="first"/> is negative.</exception>
    /// <exception cref="ArgumentException">The <c>kind</c> or <c>setting</c> column names no known value.</exception>
    public static RoomMemberRecord ReadInboxEntry(DbDataReader row, int first, string memberId, Func<DbDataReader, int, DateTimeOffset> readTime)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentNullException.ThrowIfNull(readTime);
        return new RoomMemberRecord(
            row.GetString(first), memberId, Enum.Parse<RoomKind>(row.GetString(first + 1)), row.GetString(first + 2), row.GetInt32(first + 3), row.GetInt64(first + 4),
            Enum.Parse<RoomNotificationSetting>(row.GetString(first + 5)), NullableTime(row, first + 6, readTime));
    }

    /// <summary>Reads an idempotency key row: <c>message_id, message_sequence, version</c>.</summary>
    /// <param name="row">The reader, positioned on the row.</param>
    /// <param name="roomId">The room the key belongs to.</param>
    /// <param name="key">The key.</param>
    /// <returns>What the key's command committed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IdempotencyRecord ReadIdempotencyKey(DbDataReader row, string roomId, string key)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(key);
        return new IdempotencyRecord(roomId, key, row.IsDBNull(0) ? null : row.GetString(0), row.GetInt64(1), row.GetInt64(2));
    }

    /// <summary>Puts a loaded room together: <see langword="null"/> when the store holds neither a snapshot nor an event of it.</summary>
    /// <param name="roomId">The room.</param>
    /// <param name="snapshot">The latest snapshot, if any.</param>
    /// <param name="events">The events after the snapshot (or all of them), in order.</param>
    /// <returns>The room as stored, or <see langword="null"/> when the room does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roomId"/> or <paramref name="events"/> is null.</exception>
    public static StoredRoom? ToStoredRoom(string roomId, StoredSnapshot? snapshot, IReadOnlyList<SerializedRoomEvent> events)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(events);
        return snapshot is null && events.Count == 0 ? null : new StoredRoom(roomId, snapshot, events);
    }

    private static DateTimeOffset? NullableTime(DbDataReader row, int ordinal, Func<DbDataReader, int, DateTimeOffset> readTime) =>
        row.IsDBNull(ordinal) ? null : readTime(row, ordinal);
}

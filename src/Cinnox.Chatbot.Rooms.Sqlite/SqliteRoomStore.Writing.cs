using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Data.Sqlite;

namespace Cinnox.Chatbot.Rooms.Sqlite;

// Commits: the version check, events, read-model rows, snapshot, idempotency key and work, in one transaction.
public sealed partial class SqliteRoomStore
{
    private const int SqliteConstraint = 19;

    /// <inheritdoc />
    public async ValueTask AppendAsync(RoomCommit commit, CancellationToken cancellationToken = default)
    {
        RoomCommitValidation.Check(commit);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: the write lock is taken before the version is read, so no other writer slips in between.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = await ReadRoomVersionAsync(connection, transaction, commit.RoomId, cancellationToken).ConfigureAwait(false);
        if (version != commit.ExpectedVersion)
        {
            throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, version);
        }

        try
        {
            if (commit.Idempotency is { } key)
            {
                await InsertAsync(connection, transaction, "INSERT INTO idempotency_keys (room_id, key, message_id, message_sequence, version) VALUES ($r, $k, $m, $s, $v);", cancellationToken,
                    ("$r", commit.RoomId), ("$k", key.Key), ("$m", key.MessageId), ("$s", key.MessageSequence), ("$v", key.Version)).ConfigureAwait(false);
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint)
        {
            throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, version, exception) { IsDuplicateIdempotencyKey = true };
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO room_events (room_id, sequence, type, schema_version, occurred_at, data) VALUES ($r, $s, $t, $v, $at, $d);";
            var room = insert.Parameters.Add("$r", SqliteType.Text);
            var sequence = insert.Parameters.Add("$s", SqliteType.Integer);
            var type = insert.Parameters.Add("$t", SqliteType.Text);
            var schema = insert.Parameters.Add("$v", SqliteType.Integer);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            var data = insert.Parameters.Add("$d", SqliteType.Blob);
            foreach (var stored in commit.Events)
            {
                room.Value = stored.RoomId;
                sequence.Value = stored.Sequence;
                type.Value = stored.Type;
                schema.Value = stored.SchemaVersion;
                at.Value = stored.OccurredAt.UtcTicks;
                data.Value = stored.Data.ToArray();
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var record = commit.Room;
        await InsertAsync(connection, transaction, """
            INSERT INTO rooms (room_id, kind, title, version, last_activity_at) VALUES ($r, $k, $t, $v, $a)
            ON CONFLICT (room_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, version = excluded.version, last_activity_at = excluded.last_activity_at;
            """, cancellationToken, ("$r", record.RoomId), ("$k", record.Kind.ToString()), ("$t", record.Title), ("$v", record.Version), ("$a", record.LastActivityAt.UtcTicks)).ConfigureAwait(false);

        foreach (var left in commit.MembersLeft)
        {
            await InsertAsync(connection, transaction, "DELETE FROM room_members WHERE member_id = $m AND room_id = $r;", cancellationToken, ("$m", left), ("$r", commit.RoomId)).ConfigureAwait(false);
        }

        foreach (var member in commit.Members)
        {
            await InsertAsync(connection, transaction, """
                INSERT INTO room_members (member_id, room_id, kind, title, unread, read_sequence, setting, last_activity_at) VALUES ($m, $r, $k, $t, $u, $s, $n, $a)
                ON CONFLICT (member_id, room_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, unread = excluded.unread,
                    read_sequence = excluded.read_sequence, setting = excluded.setting, last_activity_at = excluded.last_activity_at;
                """, cancellationToken, ("$m", member.MemberId), ("$r", member.RoomId), ("$k", member.Kind.ToString()), ("$t", member.Title), ("$u", member.UnreadCount),
                ("$s", member.ReadSequence), ("$n", member.Setting.ToString()), ("$a", member.LastActivityAt?.UtcTicks)).ConfigureAwait(false);
        }

        foreach (var message in commit.Messages)
        {
            await InsertAsync(connection, transaction, """
                INSERT INTO room_messages (room_id, sequence, message_id, sender_id, sender_name, kind, text, sent_at, edited_at, recalled_at) VALUES ($r, $s, $id, $from, $name, $k, $t, $at, $e, $x)
                ON CONFLICT (room_id, sequence) DO UPDATE SET kind = excluded.kind, text = excluded.text, edited_at = excluded.edited_at, recalled_at = excluded.recalled_at;
                """, cancellationToken, ("$r", message.RoomId), ("$s", message.Sequence), ("$id", message.MessageId), ("$from", message.SenderId), ("$name", message.SenderName),
                ("$k", message.Kind.ToString()), ("$t", message.Text), ("$at", message.SentAt.UtcTicks), ("$e", message.EditedAt?.UtcTicks), ("$x", message.RecalledAt?.UtcTicks)).ConfigureAwait(false);
        }

        if (commit.Snapshot is { } snapshot)
        {
            await InsertAsync(connection, transaction, """
                INSERT INTO room_snapshots (room_id, version, schema_version, data) VALUES ($r, $v, $s, $d)
                ON CONFLICT (room_id) DO UPDATE SET version = excluded.version, schema_version = excluded.schema_version, data = excluded.data;
                """, cancellationToken, ("$r", snapshot.RoomId), ("$v", snapshot.Version), ("$s", snapshot.SchemaVersion), ("$d", snapshot.Data.ToArray())).ConfigureAwait(false);
        }

        foreach (var work in commit.Work)
        {
            await InsertAsync(connection, transaction, "INSERT INTO room_work (room_id, queue, sequence, payload) VALUES ($r, $q, $s, $p);", cancellationToken,
                ("$r", commit.RoomId), ("$q", work.Queue), ("$s", work.Sequence), ("$p", work.Payload.ToArray())).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        WakeSubscribers();
    }

    private static async Task<long> ReadRoomVersionAsync(SqliteConnection connection, SqliteTransaction transaction, string roomId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM rooms WHERE room_id = $r;";
        command.Parameters.AddWithValue("$r", roomId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void WakeSubscribers()
    {
        TaskCompletionSource committed;
        lock (_gate)
        {
            committed = _committed;
            _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        committed.SetResult();
    }
}

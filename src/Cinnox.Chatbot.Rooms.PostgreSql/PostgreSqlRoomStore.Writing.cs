using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

// Commits: the version check on the room's row, then events, read-model rows, snapshot, idempotency key, work and the
// notification in one batch, in one transaction.
public sealed partial class PostgreSqlRoomStore
{
    private const string UniqueViolation = "23505";

    /// <inheritdoc />
    public async ValueTask AppendAsync(RoomCommit commit, CancellationToken cancellationToken = default)
    {
        RoomCommitValidation.Check(commit);
        using var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The room's row is the version check: an UPDATE takes its lock and waits for a concurrent writer, then sees its
        // version; a new room's INSERT meets a concurrent creator's key. Either way the loser changes nothing.
        if (!await ClaimVersionAsync(connection, transaction, commit, cancellationToken).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, await ReadRoomVersionAsync(connection, commit.RoomId, cancellationToken).ConfigureAwait(false));
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        AddEvents(batch, commit);
        AddMembers(batch, commit);
        AddMessages(batch, commit);
        if (commit.Snapshot is { } snapshot)
        {
            Add(batch, $"""
                INSERT INTO {_schema}.room_snapshots (room_id, version, schema_version, data) VALUES ($1, $2, $3, $4)
                ON CONFLICT (room_id) DO UPDATE SET version = excluded.version, schema_version = excluded.schema_version, data = excluded.data;
                """, snapshot.RoomId, snapshot.Version, snapshot.SchemaVersion, snapshot.Data.ToArray());
        }

        foreach (var work in commit.Work)
        {
            Add(batch, $"INSERT INTO {_schema}.room_work (room_id, queue, sequence, payload) VALUES ($1, $2, $3, $4);", commit.RoomId, work.Queue, work.Sequence, work.Payload.ToArray());
        }

        if (commit.Idempotency is { } key)
        {
            Add(batch, $"INSERT INTO {_schema}.idempotency_keys (room_id, key, message_id, message_sequence, version) VALUES ($1, $2, $3, $4, $5);",
                commit.RoomId, key.Key, key.MessageId, key.MessageSequence, key.Version);
        }

        Add(batch, "SELECT pg_notify($1, $2);", Channel, commit.RoomId);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation && exception.TableName == "idempotency_keys")
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, null, exception) { IsDuplicateIdempotencyKey = true };
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation && exception.TableName == "room_events")
        {
            // Only reachable if a row of the room was written around the version check (by hand, or an older writer).
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw new RoomVersionConflictException(commit.RoomId, commit.ExpectedVersion, null, exception);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _listener.Announce(commit.RoomId); // This process's subscribers need not wait for the round trip of the notification.
    }

    private async Task<bool> ClaimVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RoomCommit commit, CancellationToken cancellationToken)
    {
        var record = commit.Room;
        var sql = commit.ExpectedVersion == 0
            ? $"INSERT INTO {_schema}.rooms (room_id, kind, title, version, last_activity_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (room_id) DO NOTHING;"
            : $"UPDATE {_schema}.rooms SET kind = $2, title = $3, version = $4, last_activity_at = $5 WHERE room_id = $1 AND version = $6;";
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new() { Value = record.RoomId });
        command.Parameters.Add(new() { Value = record.Kind.ToString() });
        command.Parameters.Add(new() { Value = record.Title });
        command.Parameters.Add(new() { Value = record.Version });
        command.Parameters.Add(new() { Value = record.LastActivityAt.ToUniversalTime() });
        if (commit.ExpectedVersion != 0)
        {
            command.Parameters.Add(new() { Value = commit.ExpectedVersion });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<long?> ReadRoomVersionAsync(NpgsqlConnection connection, string roomId, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"SELECT version FROM {_schema}.rooms WHERE room_id = $1;", connection);
        command.Parameters.Add(new() { Value = roomId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private void AddEvents(NpgsqlBatch batch, RoomCommit commit)
    {
        var events = commit.Events;
        Add(batch, $"""
            INSERT INTO {_schema}.room_events (room_id, sequence, type, schema_version, occurred_at, data)
            SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::integer[], $5::timestamptz[], $6::bytea[]);
            """,
            commit.RoomId,
            events.Select(static stored => stored.Sequence).ToArray(),
            events.Select(static stored => stored.Type).ToArray(),
            events.Select(static stored => stored.SchemaVersion).ToArray(),
            events.Select(static stored => stored.OccurredAt.ToUniversalTime()).ToArray(),
            events.Select(static stored => stored.Data.ToArray()).ToArray());
    }

    private void AddMembers(NpgsqlBatch batch, RoomCommit commit)
    {
        if (commit.MembersLeft.Count > 0)
        {
            Add(batch, $"DELETE FROM {_schema}.room_members WHERE room_id = $1 AND member_id = ANY($2);", commit.RoomId, commit.MembersLeft.ToArray());
        }

        if (commit.Members.Count == 0)
        {
            return;
        }

        var members = commit.Members;
        Add(batch, $"""
            INSERT INTO {_schema}.room_members (room_id, member_id, kind, title, unread, read_sequence, setting, last_activity_at)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::integer[], $6::bigint[], $7::text[], $8::timestamptz[])
            ON CONFLICT (member_id, room_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, unread = excluded.unread,
                read_sequence = excluded.read_sequence, setting = excluded.setting, last_activity_at = excluded.last_activity_at;
            """,
            commit.RoomId,
            members.Select(static row => row.MemberId).ToArray(),
            members.Select(static row => row.Kind.ToString()).ToArray(),
            members.Select(static row => row.Title).ToArray(),
            members.Select(static row => row.UnreadCount).ToArray(),
            members.Select(static row => row.ReadSequence).ToArray(),
            members.Select(static row => row.Setting.ToString()).ToArray(),
            members.Select(static row => row.LastActivityAt?.ToUniversalTime()).ToArray());
    }

    private void AddMessages(NpgsqlBatch batch, RoomCommit commit)
    {
        if (commit.Messages.Count == 0)
        {
            return;
        }

        var messages = commit.Messages;
        Add(batch, $"""
            INSERT INTO {_schema}.room_messages (room_id, sequence, message_id, sender_id, sender_name, kind, text, sent_at, edited_at, recalled_at)
            SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
            ON CONFLICT (room_id, sequence) DO UPDATE SET kind = excluded.kind, text = excluded.text, edited_at = excluded.edited_at, recalled_at = excluded.recalled_at;
            """,
            commit.RoomId,
            messages.Select(static row => row.Sequence).ToArray(),
            messages.Select(static row => row.MessageId).ToArray(),
            messages.Select(static row => row.SenderId).ToArray(),
            messages.Select(static row => row.SenderName).ToArray(),
            messages.Select(static row => row.Kind.ToString()).ToArray(),
            messages.Select(static row => row.Text).ToArray(),
            messages.Select(static row => row.SentAt.ToUniversalTime()).ToArray(),
            messages.Select(static row => row.EditedAt?.ToUniversalTime()).ToArray(),
            messages.Select(static row => row.RecalledAt?.ToUniversalTime()).ToArray());
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                string?[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        batch.BatchCommands.Add(command);
    }
}

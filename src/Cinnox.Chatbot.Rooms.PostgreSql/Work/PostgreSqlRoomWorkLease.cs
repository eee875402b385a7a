using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

/// <summary>
/// A hold on one room's work in one queue: the session advisory lock taken on <paramref name="connection"/>. Every call
/// runs on that connection, so a holder whose session was lost cannot mark or finish items another node may now hold.
/// </summary>
internal sealed class PostgreSqlRoomWorkLease(NpgsqlConnection connection, string schema, string queue, string roomId, string lockKey) : IRoomWorkLease
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string RoomId => roomId;

    public string Queue => queue;

    public async ValueTask<IReadOnlyList<RoomWorkEntry>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await RunAsync(async () =>
        {
            using var command = new NpgsqlCommand(
                $"SELECT id, sequence, payload, started_at IS NOT NULL FROM {schema}.room_work WHERE room_id = $1 AND queue = $2 AND finished_at IS NULL ORDER BY id LIMIT $3;", connection);
            command.Parameters.Add(new() { Value = roomId });
            command.Parameters.Add(new() { Value = queue });
            command.Parameters.Add(new() { Value = (long)maxCount });
            var entries = new List<RoomWorkEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new RoomWorkEntry(reader.GetInt64(0), roomId, new RoomWorkItem(queue, reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)), reader.GetBoolean(3)));
            }

            return (IReadOnlyList<RoomWorkEntry>)entries;
        }).ConfigureAwait(false);
    }

    public ValueTask MarkStartedAsync(long id, CancellationToken cancellationToken = default) =>
        UpdateAsync($"UPDATE {schema}.room_work SET started_at = now() WHERE id = $1 AND room_id = $2 AND finished_at IS NULL;", id, cancellationToken);

    public ValueTask CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        UpdateAsync($"UPDATE {schema}.room_work SET finished_at = now() WHERE id = $1 AND room_id = $2;", id, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0));", connection);
                command.Parameters.Add(new() { Value = lockKey });
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The session is gone, and the lock with it.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            _gate.Dispose();
        }
    }

    private async ValueTask UpdateAsync(string sql, long id, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new() { Value = id });
            command.Parameters.Add(new() { Value = roomId });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

    // One call at a time on the lease's connection; a lost session means the hold is gone.
    private async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (connection.FullState != System.Data.ConnectionState.Open)
        {
            throw new InvalidOperationException($"The hold on room {roomId}'s {queue} work was lost with its database session; another node may take the room over. Stop working on it.", exception);
        }
        finally
        {
            _gate.Release();
        }
    }
}

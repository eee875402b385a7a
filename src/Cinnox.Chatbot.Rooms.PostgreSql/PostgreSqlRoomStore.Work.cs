using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

// Work queued with commits, handed to one worker per room at a time through a session advisory lock.
public sealed partial class PostgreSqlRoomStore
{
    private const int CandidateRooms = 16;

    /// <inheritdoc />
    /// <remarks>
    /// The hold is a session-level advisory lock on a connection the lease keeps open: it ends when the lease is disposed,
    /// or when the holder's process dies and the server closes its session, so another node takes the room over at once.
    /// A holder whose connection drops learns it at its next call on the lease (<see cref="InvalidOperationException"/>).
    /// </remarks>
    public async ValueTask<IRoomWorkLease?> TryLeaseAsync(string queue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var candidates = new List<string>();
            using (var command = new NpgsqlCommand(
                $"SELECT room_id FROM {_schema}.room_work WHERE queue = $1 AND finished_at IS NULL GROUP BY room_id ORDER BY MIN(id) LIMIT {CandidateRooms};", connection))
            {
                command.Parameters.Add(new() { Value = queue });
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    candidates.Add(reader.GetString(0));
                }
            }

            foreach (var roomId in candidates)
            {
                using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0));", connection);
                command.Parameters.Add(new() { Value = LockKey(queue, roomId) });
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    var lease = new PostgreSqlRoomWorkLease(connection, _schema, queue, roomId, LockKey(queue, roomId));
                    connection = null; // The lease owns it now.
                    return lease;
                }
            }

            return null;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private string LockKey(string queue, string roomId) => $"cinnox_rooms_work:{_options.Schema}:{queue}:{roomId}";
}

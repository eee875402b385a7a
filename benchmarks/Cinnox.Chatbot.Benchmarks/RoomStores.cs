using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.PostgreSql;
using Cinnox.Chatbot.Rooms.Sqlite;
using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Fresh, empty room stores for the store benchmarks: in memory, a SQLite file in a temporary folder, and a PostgreSQL
/// schema of its own on the server <c>CINNOX_TEST_POSTGRES</c> names (start one with <c>eval "$(bash .ci/services)"</c>).
/// </summary>
internal sealed class RoomStores : IAsyncDisposable
{
    public const string PostgreSqlVariable = "CINNOX_TEST_POSTGRES";
    private readonly List<IAsyncDisposable> _opened = [];
    private readonly List<string> _schemas = [];
    private readonly List<string> _folders = [];

    public static string[] Kinds => Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 }
        ? ["in-memory", "SQLite", "PostgreSQL"]
        : ["in-memory", "SQLite"];

    /// <summary>Opens a fresh store and a way to open it again as another node (its own connections) would.</summary>
    public async Task<(IRoomStore Store, Func<Task<IRoomStore>> OpenNode)> CreateAsync(string kind)
    {
        switch (kind)
        {
            case "in-memory":
                var memory = new InMemoryRoomStore();
                return (memory, () => Task.FromResult<IRoomStore>(memory));
            case "SQLite":
                var folder = Directory.CreateTempSubdirectory("cinnox-bench-").FullName;
                _folders.Add(folder);
                var file = Path.Combine(folder, "rooms.db");
                return (await OpenSqliteAsync(file).ConfigureAwait(false), async () => await OpenSqliteAsync(file).ConfigureAwait(false));
            default:
                var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
                _schemas.Add(schema);
                return (await OpenPostgreSqlAsync(schema).ConfigureAwait(false), async () => await OpenPostgreSqlAsync(schema).ConfigureAwait(false));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }

        if (_schemas.Count > 0)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgreSqlVariable));
            await connection.OpenAsync().ConfigureAwait(false);
            foreach (var schema in _schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;", connection);
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Creates Space rooms <c>room-0</c> … with alice in them.</summary>
    public static async Task CreateRoomsAsync(IRoomStore store, int count)
    {
        await using var repository = new RoomRepository(store);
        for (var i = 0; i < count; i++)
        {
            await repository.CreateAsync(new SpaceRoom($"room-{i}", $"Room {i}", RoomMember.Staff("alice", "Alice"))).ConfigureAwait(false);
        }
    }

    private async Task<IRoomStore> OpenSqliteAsync(string file)
    {
        var store = await SqliteRoomStore.OpenAsync(file).ConfigureAwait(false);
        _opened.Add(store);
        return store;
    }

    private async Task<IRoomStore> OpenPostgreSqlAsync(string schema)
    {
        var store = await PostgreSqlRoomStore.OpenAsync(Environment.GetEnvironmentVariable(PostgreSqlVariable)!, schema).ConfigureAwait(false);
        _opened.Add(store);
        return store;
    }
}

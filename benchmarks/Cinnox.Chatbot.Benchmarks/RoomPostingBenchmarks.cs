using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Sqlite;
using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Posts per second into one room through a <see cref="RoomRepository"/>: each post is a command committed with its
/// read models (history row, unread rows). The in-memory store is the baseline; SQLite writes one WAL file.
/// </summary>
[MemoryDiagnoser]
public class RoomPostingBenchmarks
{
    private const int Posts = 200;
    private string _folder = string.Empty;
    private RoomRepository _memory = null!;
    private RoomRepository _sqlite = null!;
    private SqliteRoomStore _sqliteStore = null!;

    /// <summary>Creates a Space of three members in each store.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("cinnox-bench-").FullName;
        _sqliteStore = await SqliteRoomStore.OpenAsync(Path.Combine(_folder, "rooms.db"));
        _memory = new RoomRepository(new InMemoryRoomStore());
        _sqlite = new RoomRepository(_sqliteStore);
        foreach (var repository in new[] { _memory, _sqlite })
        {
            var space = new SpaceRoom("space", "Load", RoomMember.Staff("alice", "Alice"));
            space.AddMember("alice", RoomMember.Staff("bob", "Bob"));
            space.AddMember("alice", RoomMember.Staff("carol", "Carol"));
            await repository.CreateAsync(space);
        }
    }

    /// <summary>Removes the database file.</summary>
    /// <returns>A task.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _memory.DisposeAsync();
        await _sqlite.DisposeAsync();
        await _sqliteStore.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Posts into the in-memory store.</summary>
    /// <returns>The last sequence.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public Task<long> PostInMemory() => PostAsync(_memory);

    /// <summary>Posts into the SQLite store.</summary>
    /// <returns>The last sequence.</returns>
    [Benchmark(OperationsPerInvoke = Posts)]
    public Task<long> PostSqlite() => PostAsync(_sqlite);

    private static async Task<long> PostAsync(RoomRepository repository)
    {
        long last = 0;
        for (var i = 0; i < Posts; i++)
        {
            last = (await repository.ExecuteAsync("space", context => context.Room.PostText("alice", "Hello @Bob, the order shipped."))).MessageSequence;
        }

        return last;
    }
}

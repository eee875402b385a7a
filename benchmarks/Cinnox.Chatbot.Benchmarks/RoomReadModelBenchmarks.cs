using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Sqlite;
using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Reading unread counts and the badge at 1,000 and 200,000 unread messages: they are read models, so both sizes
/// must cost the same. The baseline is the live room's kept count; the SQLite inbox read is the badge plus the
/// member's Recent Connections.
/// </summary>
[MemoryDiagnoser]
public class RoomReadModelBenchmarks
{
    private string _folder = string.Empty;
    private SpaceRoom _room = null!;
    private SqliteRoomStore _store = null!;

    /// <summary>Gets or sets how many messages are unread for the reader.</summary>
    [Params(1_000, 200_000)]
    public int Messages { get; set; }

    /// <summary>Writes a Space with <see cref="Messages"/> messages unread by Bob to a SQLite file.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("cinnox-bench-").FullName;
        _store = await SqliteRoomStore.OpenAsync(Path.Combine(_folder, "rooms.db"));
        _room = new SpaceRoom("space", "Load", RoomMember.Staff("alice", "Alice"));
        _room.AddMember("alice", RoomMember.Staff("bob", "Bob"));
        for (var i = 0; i < Messages; i++)
        {
            _room.PostText("alice", $"Message {i}");
        }

        await using var repository = new RoomRepository(_store, new RoomRepositoryOptions { SnapshotEvery = 0 });
        await repository.SaveAsync(_room);
    }

    /// <summary>Removes the database file.</summary>
    /// <returns>A task.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The live room's unread count for Bob.</summary>
    /// <returns>The count.</returns>
    [Benchmark(Baseline = true)]
    public int UnreadInRoom() => _room.GetUnreadCount("bob");

    /// <summary>Bob's badge and Recent Connections from the SQLite read models.</summary>
    /// <returns>The badge.</returns>
    [Benchmark]
    public async Task<int> BadgeFromSqlite() => (await _store.ReadInboxAsync("bob", 100)).UnreadRoomCount;
}

using Cinnox.Chatbot.Rooms.Storage;
using Cinnox.Chatbot.Testing.Rooms.Storage;

namespace Cinnox.Chatbot.Rooms.Sqlite.Tests;

/// <summary>The store contract on SQLite: each test gets its own file, and "reopening" opens a second store on it, as another process would.</summary>
public sealed class SqliteRoomStoreTests : RoomStoreContract, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    /// <inheritdoc />
    protected override Task<IRoomStore> CreateStoreAsync() => Task.FromResult<IRoomStore>(new SqliteRoomStore(new SqliteRoomStoreOptions { ConnectionString = _database.ConnectionString }));

    /// <inheritdoc />
    protected override Task<IRoomStore> ReopenAsync(IRoomStore store) => CreateStoreAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Open_NewFile_UsesWalMode()
    {
        await using var store = await SqliteRoomStore.OpenAsync(_database.Path);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        command.ExecuteScalar().Should().Be("wal");
    }

    [Fact]
    public async Task Subscribe_SeesEventsAnotherStoreInstanceCommits()
    {
        var options = new SqliteRoomStoreOptions { ConnectionString = _database.ConnectionString, FeedPollInterval = TimeSpan.FromMilliseconds(20) };
        await using var reader = new SqliteRoomStore(options);
        await using var writer = new SqliteRoomStore(options);
        await using var repository = new RoomRepository(writer, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: Clock));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<long>();

        var reading = Task.Run(async () =>
        {
            await foreach (var stored in reader.SubscribeAsync("s", 2, cancellation.Token))
            {
                seen.Add(stored.Sequence);
                if (stored.Sequence == 5)
                {
                    return;
                }
            }
        });
        for (var i = 0; i < 3; i++)
        {
            await repository.ExecuteAsync("s", room => room.PostText("alice", $"m{i}"));
        }

        await reading;
        seen.Should().Equal(3L, 4L, 5L);
    }
}

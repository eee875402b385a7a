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
}

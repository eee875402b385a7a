using Microsoft.Extensions.Time.Testing;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Data.Sqlite;

namespace Cinnox.Chatbot.Rooms.Sqlite.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly FakeTimeProvider _clock = new();

    public static TheoryData<int> EarlierVersions => [.. Enumerable.Range(0, SqliteRoomStore.LatestSchemaVersion)];

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public async Task Open_DatabaseAtAnEarlierVersion_IsMigratedForwardAndWorks(int version)
    {
        await using (var old = new SqliteRoomStore(new SqliteRoomStoreOptions { ConnectionString = _database.ConnectionString }))
        {
            await old.MigrateToAsync(version, CancellationToken.None);
            (await old.GetSchemaVersionAsync()).Should().Be(version);
        }

        await using var store = await SqliteRoomStore.OpenAsync(_database.Path);
        await using var repository = new RoomRepository(store, timeProvider: _clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: _clock));
        await repository.ExecuteAsync("s", room => room.PostText("alice", "after the migration"));

        (await store.GetSchemaVersionAsync()).Should().Be(SqliteRoomStore.LatestSchemaVersion);
        (await store.ReadMessagesAsync("s", 0, 10)).Single().Text.Should().Be("after the migration");
        AppliedSteps().Should().Equal(Enumerable.Range(1, SqliteRoomStore.LatestSchemaVersion).Select(i => (long)i), "each step ran once, in order");
    }

    [Fact]
    public async Task Open_Twice_RunsNoStepAgainAndKeepsTheData()
    {
        await using (var first = await SqliteRoomStore.OpenAsync(_database.Path))
        {
            await using var repository = new RoomRepository(first, timeProvider: _clock);
            await repository.CreateAsync(new SpaceRoom("s", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: _clock));
        }

        await using var second = await SqliteRoomStore.OpenAsync(_database.Path);

        AppliedSteps().Should().HaveCount(SqliteRoomStore.LatestSchemaVersion);
        (await second.LoadAsync("s")).Should().NotBeNull();
    }

    [Fact]
    public async Task Open_DatabaseFromANewerLibrary_IsRefusedNamingTheFix()
    {
        await (await SqliteRoomStore.OpenAsync(_database.Path)).DisposeAsync();
        using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01');";
            command.ExecuteNonQuery();
        }

        var open = async () => await SqliteRoomStore.OpenAsync(_database.Path);

        await open.Should().ThrowAsync<InvalidOperationException>().WithMessage("*schema version 99*newer version*Update the package*");
    }

    public void Dispose() => _database.Dispose();

    private List<long> AppliedSteps()
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version;";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }
}

using Cinnox.Chatbot.Rooms.Storage;
using Cinnox.Chatbot.Testing.Rooms.Storage;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>The store contract on PostgreSQL: each test in its own schema; "reopening" opens a second store (its own connections) on the schema, as another node would.</summary>
public sealed class PostgreSqlRoomStoreTests : RoomStoreContract, IAsyncLifetime
{
    private readonly List<PostgreSqlRoomStore> _stores = [];
    private readonly Dictionary<IRoomStore, string> _schemas = [];

    /// <inheritdoc />
    protected override async Task<IRoomStore> CreateStoreAsync() => await OpenAsync(PostgreSqlServer.NewSchema());

    /// <inheritdoc />
    protected override async Task<IRoomStore> ReopenAsync(IRoomStore store) => await OpenAsync(_schemas[store]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await PostgreSqlServer.DropAsync(_schemas.Values.Distinct());
    }

    private async Task<PostgreSqlRoomStore> OpenAsync(string schema)
    {
        var store = await PostgreSqlServer.OpenAsync(schema, Clock);
        _stores.Add(store);
        _schemas[store] = schema;
        return store;
    }
}

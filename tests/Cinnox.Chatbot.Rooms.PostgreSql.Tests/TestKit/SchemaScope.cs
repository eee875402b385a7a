using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>A test's own schema and the stores opened on it (each one stands for a node); dropped when the test ends.</summary>
public abstract class SchemaScope : IAsyncLifetime
{
    private readonly List<PostgreSqlRoomStore> _stores = [];
    private readonly List<RoomRepository> _repositories = [];

    protected string Schema { get; } = PostgreSqlServer.NewSchema();

    protected FakeTimeProvider Clock { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var repository in _repositories)
        {
            await repository.DisposeAsync();
        }

        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await PostgreSqlServer.DropAsync([Schema]);
    }

    /// <summary>Opens another store on the schema, as another node would; its waits run on the real clock.</summary>
    protected async Task<PostgreSqlRoomStore> OpenNodeAsync(Action<PostgreSqlRoomStoreOptions>? configure = null)
    {
        var store = await PostgreSqlServer.OpenAsync(Schema, TimeProvider.System, configure);
        _stores.Add(store);
        return store;
    }

    /// <summary>Makes a repository over a store, disposed when the test ends.</summary>
    protected RoomRepository Repository(PostgreSqlRoomStore store)
    {
        var repository = new RoomRepository(store, timeProvider: Clock);
        _repositories.Add(repository);
        return repository;
    }

    protected static EnquiryRoomOptions Enquiry(string id) => new()
    {
        EnquiryId = id,
        Channel = EnquiryChannel.Weblink,
        ChannelDetail = "Spring sale page",
        VisitorInformation = new VisitorInformation { FirstName = "Ada", LastName = "Lovelace" },
        Destination = new DestinationInformation("Test Bot", DestinationType.Chatbot, "http://127.0.0.1/bot"),
    };
}

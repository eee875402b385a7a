using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

public sealed class PostgreSqlRoomStoreServiceCollectionExtensionsTests : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServer.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgreSqlServer.DropAsync([_schema]);

    [Fact]
    public async Task AddPostgreSqlRoomStore_WithARegisteredDataSource_UsesItAndServesEveryRole()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgreSqlServer.ConnectionString);
        var services = new ServiceCollection().AddSingleton(dataSource).AddPostgreSqlRoomStore(options => options.Schema = _schema);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<PostgreSqlRoomStore>();

        store.DataSource.Should().BeSameAs(dataSource);
        provider.GetRequiredService<IRoomStore>().Should().BeSameAs(store);
        provider.GetRequiredService<IRoomChangeFeed>().Should().BeSameAs(store);
        provider.GetRequiredService<IRoomWorkStore>().Should().BeSameAs(store);
        await store.MigrateAsync();
        (await store.GetSchemaVersionAsync()).Should().Be(PostgreSqlRoomStore.LatestSchemaVersion);
    }

    [Fact]
    public async Task AddPostgreSqlRoomStore_WithAConnectionString_OpensItsOwnDataSource()
    {
        var services = new ServiceCollection().AddPostgreSqlRoomStore(options => (options.ConnectionString, options.Schema) = (PostgreSqlServer.ConnectionString, _schema));
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IRoomStore>();

        (await store.LoadAsync("nowhere")).Should().BeNull("the schema was created on first use");
    }

    [Fact]
    public async Task AddPostgreSqlRoomStore_NeitherConnectionStringNorDataSource_SaysHowToGiveOne()
    {
        await using var provider = new ServiceCollection().AddPostgreSqlRoomStore().BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IRoomStore>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionString*NpgsqlDataSource*");
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("rooms; drop table x")]
    [InlineData("")]
    public void New_SchemaNotAPlainIdentifier_IsRefusedNamingTheOption(string schema)
    {
        var create = () => new PostgreSqlRoomStore(new PostgreSqlRoomStoreOptions { ConnectionString = PostgreSqlServer.ConnectionString, Schema = schema });

        create.Should().Throw<ArgumentException>().WithMessage("options.Schema*");
    }
}

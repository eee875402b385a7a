using System.Text.Json.Nodes;
using ChatRoomCli;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests.Samples;

/// <summary><c>samples/ChatRoomCli</c> with <c>--store postgres:…</c>: the same contract as over SQLite, in a database of its own.</summary>
public sealed class ChatRoomCliTests : IAsyncLifetime
{
    private readonly string _database = PostgreSqlServer.NewSchema();

    private string Store => "postgres:" + new NpgsqlConnectionStringBuilder(PostgreSqlServer.ConnectionString) { Database = _database };

    public async Task InitializeAsync() => await AdminAsync($"CREATE DATABASE \"{_database}\";");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE);");
    }

    [Fact]
    public async Task Commands_OverPostgreSql_KeepTheContractAcrossRuns()
    {
        (await Run("create-space", "--store", Store, "--room", "space-42", "--name", "Support team", "--member", "alice=Alice Wong", "--member", "bob=Bob")).Exit.Should().Be(0);
        var first = Json((await Run("post", "--store", Store, "--room", "space-42", "--sender", "alice", "--text", "Hello @Bob", "--client-id", "c-1")).Output);
        var repeated = Json((await Run("post", "--store", Store, "--room", "space-42", "--sender", "alice", "--text", "Hello @Bob", "--client-id", "c-1")).Output);

        repeated["id"]!.GetValue<string>().Should().Be(first["id"]!.GetValue<string>(), "a repeated client id returns the first result");
        Json((await Run("unread", "--store", Store, "--member", "bob")).Output).ToJsonString().Should().Be("""{"badge":1,"rooms":[{"room":"space-42","unread":1}]}""");
        Json((await Run("history", "--store", Store, "--room", "space-42")).Output)["messages"]!.AsArray().Should().ContainSingle();
    }

    [Theory]
    [InlineData("postgres:", "needs an Npgsql connection string")]
    [InlineData("postgres:NoSuchKey=1", "--store postgres:")]
    public async Task Store_BadPostgresValue_IsRefusedNamingTheFix(string store, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RoomCli.RunAsync(["history", "--store", store, "--room", "s"], output, error);

        exit.Should().NotBe(0);
        error.ToString().Should().Contain(expected);
    }

    private static async Task<(int Exit, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RoomCli.RunAsync(args, output, error);
        return (exit, output.ToString().TrimEnd('\n', '\r'));
    }

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgreSqlServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

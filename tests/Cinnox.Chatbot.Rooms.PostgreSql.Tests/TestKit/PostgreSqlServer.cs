using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>
/// The test server: <c>CINNOX_TEST_POSTGRES</c> holds an Npgsql connection string (start one with
/// <c>eval "$(bash .ci/services)"</c>). Each store gets its own schema, so test classes run in parallel without sharing rows.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "CINNOX_TEST_POSTGRES";

    /// <summary>Gets the connection string, or fails the test saying how to get one.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"No PostgreSQL server: {Variable} is not set. Run `eval \"$(bash .ci/services)\"` to start one on loopback.");

    /// <summary>Gets why the tests are skipped, or null when they run (always when CINNOX_TEST_REQUIRE_SERVICES=1, as in CI).</summary>
    public static string? SkipReason =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || Environment.GetEnvironmentVariable("CINNOX_TEST_REQUIRE_SERVICES") == "1"
            ? null
            : $"No PostgreSQL server: run `eval \"$(bash .ci/services)\"` to start one on loopback and export {Variable}.";

    /// <summary>Makes a schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Opens a store in a schema, migrated.</summary>
    public static async Task<PostgreSqlRoomStore> OpenAsync(string schema, TimeProvider? clock = null, Action<PostgreSqlRoomStoreOptions>? configure = null)
    {
        var options = new PostgreSqlRoomStoreOptions { ConnectionString = ConnectionString, Schema = schema };
        configure?.Invoke(options);
        var store = new PostgreSqlRoomStore(options, clock);
        await store.MigrateAsync();
        return store;
    }

    /// <summary>Drops schemas a test made.</summary>
    public static async Task DropAsync(IEnumerable<string> schemas)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Ends every session of an application name, as a network cut between one node and the server would.</summary>
    public static async Task TerminateApplicationAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid();", connection);
        command.Parameters.Add(new() { Value = applicationName });
        (await command.ExecuteScalarAsync()).Should().NotBe(0L, "the node had sessions to cut");
    }

    /// <summary>Ends a server session, as a dropped connection or a dead node would.</summary>
    public static async Task TerminateAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1);", connection);
        command.Parameters.Add(new() { Value = processId });
        await command.ExecuteNonQueryAsync();
    }
}

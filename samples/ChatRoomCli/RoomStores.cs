using Cinnox.Chatbot.Rooms.PostgreSql;
using Cinnox.Chatbot.Rooms.Sqlite;
using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;

namespace ChatRoomCli;

/// <summary>Opens the store a <c>--store</c> value names: <c>sqlite:&lt;file path&gt;</c> or <c>postgres:&lt;Npgsql connection string&gt;</c>.</summary>
internal static class RoomStores
{
    public const string Help = "sqlite:<file path> or postgres:<Npgsql connection string>";

    /// <summary>Opens a store, or says what is wrong with the value.</summary>
    /// <param name="value">The <c>--store</c> value.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The store, or the problem.</returns>
    public static async Task<(IRoomStore? Store, string? Problem)> OpenAsync(string value, CancellationToken cancellationToken)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (scheme, rest) = colon < 0 ? (value, string.Empty) : (value[..colon], value[(colon + 1)..]);
        switch (scheme)
        {
            case "sqlite" when !string.IsNullOrWhiteSpace(rest):
                return (await SqliteRoomStore.OpenAsync(rest, cancellationToken).ConfigureAwait(false), null);
            case "sqlite":
                return (null, $"--store sqlite: needs a file path, such as sqlite:rooms.db.");
            case "postgres" when !string.IsNullOrWhiteSpace(rest):
                return await OpenPostgreSqlAsync(rest, cancellationToken).ConfigureAwait(false);
            case "postgres":
                return (null, "--store postgres: needs an Npgsql connection string, such as 'postgres:Host=localhost;Database=rooms;Username=app;Password=secret'.");
            default:
                return (null, $"--store '{value}' is not a store this build knows; use {Help}.");
        }
    }

    private static async Task<(IRoomStore? Store, string? Problem)> OpenPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            return (await PostgreSqlRoomStore.OpenAsync(connectionString, cancellationToken: cancellationToken).ConfigureAwait(false), null);
        }
        catch (ArgumentException exception)
        {
            return (null, $"--store postgres: {exception.Message}");
        }
        catch (NpgsqlException exception)
        {
            // The password never reaches the message: only the host and database are named.
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            return (null, $"--store postgres: cannot open the room database '{target.Database}' on {target.Host}:{target.Port}: {exception.Message}");
        }
    }
}

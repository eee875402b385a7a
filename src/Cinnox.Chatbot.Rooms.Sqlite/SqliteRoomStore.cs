using System.Globalization;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cinnox.Chatbot.Rooms.Sqlite;

/// <summary>
/// A room store in one SQLite file (docs/chat-rooms.md#rooms-that-last): events, snapshots and read models written in one transaction per
/// commit, in WAL mode so readers never wait for the writer. The schema is created and migrated forward by the
/// library the first time the store is used (see <see cref="MigrateAsync"/>).
/// </summary>
/// <remarks>
/// Several processes may use one file at once: a commit takes SQLite's write lock (<c>BEGIN IMMEDIATE</c>), checks the
/// room's version and refuses a stale one with <see cref="RoomVersionConflictException"/>; waiting for another
/// process's lock is bounded by <see cref="SqliteRoomStoreOptions.BusyTimeout"/>.
/// </remarks>
public sealed partial class SqliteRoomStore : IRoomStore, IRoomChangeFeed, IAsyncDisposable
{
    private const int FeedPageSize = 256;

    private readonly SqliteRoomStoreOptions _options;
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _migrated;

    /// <summary>Initializes a new instance of the <see cref="SqliteRoomStore"/> class; the schema is made ready on first use.</summary>
    /// <param name="options">The connection string and limits.</param>
    /// <param name="logger">Where migrations are logged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="SqliteRoomStoreOptions.ConnectionString"/> is empty or not a valid connection string.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time option is not positive.</exception>
    public SqliteRoomStore(SqliteRoomStoreOptions options, ILogger<SqliteRoomStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, "options.ConnectionString");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BusyTimeout, TimeSpan.Zero, "options.BusyTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FeedPollInterval, TimeSpan.Zero, "options.FeedPollInterval");
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"options.ConnectionString is not a SQLite connection string: {exception.Message} Write it as 'Data Source=path/to/rooms.db'.", nameof(options), exception);
        }

        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        builder.Pooling = true;
        _options = options;
        _connectionString = builder.ToString();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Opens (creating when missing) a store in a file and brings its schema up to date.</summary>
    /// <param name="filePath">The database file's path.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is null or white space.</exception>
    /// <exception cref="InvalidOperationException">The file was written by a newer version of the library.</exception>
    public static async Task<SqliteRoomStore> OpenAsync(string filePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var store = new SqliteRoomStore(new SqliteRoomStoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = filePath }.ToString() });
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Gets the schema version this version of the library writes.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.Latest;

    /// <summary>
    /// Creates the schema in an empty database, or runs the steps a database written by an older version lacks, each in
    /// its own transaction; does nothing when it is up to date. Safe to call from several processes at once.
    /// </summary>
    /// <param name="cancellationToken">Cancels migrating; a step that has committed stays.</param>
    /// <returns>A task that completes when the schema is at <see cref="LatestSchemaVersion"/>.</returns>
    /// <exception cref="InvalidOperationException">The database is at a newer schema version than this library knows.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateToAsync(SqliteMigrations.Latest, cancellationToken);

    /// <summary>Reads the schema version of the database; 0 when it has no schema yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases pooled connections to the file, so it can be moved or deleted.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _migration.Dispose();
        return ValueTask.CompletedTask;
    }

    internal async Task MigrateToAsync(int target, CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            foreach (var step in SqliteMigrations.All.Where(step => step.Version <= target))
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);", cancellationToken)
                    .ConfigureAwait(false);
                var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (current > SqliteMigrations.Latest)
                {
                    throw new InvalidOperationException(
                        $"The room database is at schema version {current}, written by a newer version of Cinnox.Chatbot.Rooms.Sqlite; this version knows versions up to {SqliteMigrations.Latest}. Update the package.");
                }

                if (current >= step.Version)
                {
                    continue; // Another process, or an earlier run, applied it.
                }

                await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
                using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $at);";
                    record.Parameters.AddWithValue("$version", step.Version);
                    record.Parameters.AddWithValue("$description", step.Description);
                    record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.Migrated(_logger, step.Version, step.Description);
            }

            _migrated = target == SqliteMigrations.Latest;
        }
        finally
        {
            _migration.Release();
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SqliteConnection> OpenReadyAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Room database migrated to schema version {Version}: {Description}.")]
        public static partial void Migrated(ILogger logger, int version, string description);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

/// <summary>
/// A room store in PostgreSQL for many nodes sharing the same rooms (docs/chat-rooms.md#rooms-that-last): events, snapshots and read models written
/// in one transaction per commit, a change feed every node sees (<see cref="IRoomChangeFeed"/>), and rooms' queued work
/// handed to one node at a time (<see cref="IRoomWorkStore"/>). The schema is created and migrated forward by the library
/// the first time the store is used (see <see cref="MigrateAsync"/>).
/// </summary>
/// <remarks>
/// <para>
/// Any number of processes may write the same rooms: a commit updates the room's row only if it is still at the expected
/// version (the row lock orders concurrent writers), and a stale one is refused with <see cref="RoomVersionConflictException"/>,
/// which <see cref="RoomRepository"/> answers by re-running the command on the fresh room.
/// </para>
/// <para>
/// Each commit sends a notification (<c>NOTIFY</c>, delivered only when the transaction commits) on the channel
/// <c>{schema}_events</c>; the feed reads the events themselves by sequence, so a lost or late notification delays an
/// event but never skips one.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlRoomStore : IRoomStore, IRoomChangeFeed, IRoomWorkStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlRoomStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly RoomNotificationListener _listener;
    private readonly string _schema;
    private volatile bool _migrated;
    private int _disposed;

    /// <summary>Initializes a new instance over a connection string (<see cref="PostgreSqlRoomStoreOptions.ConnectionString"/>); the schema is made ready on first use.</summary>
    /// <param name="options">The connection string, schema and feed settings.</param>
    /// <param name="timeProvider">The clock the feed's waits run on; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where migrations, feed reconnects and work recovery are logged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing or invalid, or <see cref="PostgreSqlRoomStoreOptions.Schema"/> is not a plain identifier; the message names the option.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time or size option is out of range; the message names it.</exception>
    public PostgreSqlRoomStore(PostgreSqlRoomStoreOptions options, TimeProvider? timeProvider = null, ILogger<PostgreSqlRoomStore>? logger = null)
        : this(CreateDataSource(options), ownsDataSource: true, options, timeProvider, logger)
    {
    }

    /// <summary>Initializes a new instance over a data source, such as one registered in dependency injection; the store does not dispose it.</summary>
    /// <param name="dataSource">Where connections come from.</param>
    /// <param name="options">The schema and feed settings; <see cref="PostgreSqlRoomStoreOptions.ConnectionString"/> is ignored. The defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock the feed's waits run on; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where migrations, feed reconnects and work recovery are logged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="PostgreSqlRoomStoreOptions.Schema"/> is not a plain identifier.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time or size option is out of range; the message names it.</exception>
    public PostgreSqlRoomStore(NpgsqlDataSource dataSource, PostgreSqlRoomStoreOptions? options = null, TimeProvider? timeProvider = null, ILogger<PostgreSqlRoomStore>? logger = null)
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options ?? new PostgreSqlRoomStoreOptions(), timeProvider, logger)
    {
    }

    private PostgreSqlRoomStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlRoomStoreOptions options, TimeProvider? timeProvider, ILogger? logger)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _options = Validate(options);
        _schema = "\"" + options.Schema + "\"";
        _clock = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Channel = options.Schema + "_events";
        _listener = new RoomNotificationListener(dataSource, Channel, options.FeedReconnectDelay, _clock, _logger);
    }

    /// <summary>Gets the schema version this version of the library writes.</summary>
    public static int LatestSchemaVersion => PostgreSqlMigrations.Latest;

    /// <summary>Gets the notification channel commits are announced on: <c>{schema}_events</c>, with the room's id as the payload.</summary>
    public string Channel { get; }

    /// <summary>Gets the data source the store takes connections from.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Opens a store over a connection string and brings its schema up to date.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schema">The schema that holds the tables; see <see cref="PostgreSqlRoomStoreOptions.Schema"/>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The connection string or schema is invalid.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the library.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached.</exception>
    public static async Task<PostgreSqlRoomStore> OpenAsync(string connectionString, string schema = "cinnox_rooms", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var store = new PostgreSqlRoomStore(new PostgreSqlRoomStoreOptions { ConnectionString = connectionString, Schema = schema });
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Creates the schema in an empty database, or runs the steps a database written by an older version lacks, each in its
    /// own transaction; does nothing when it is up to date. Safe to call from several processes at once.
    /// </summary>
    /// <param name="cancellationToken">Cancels migrating; a step that has committed stays.</param>
    /// <returns>A task that completes when the schema is at <see cref="LatestSchemaVersion"/>.</returns>
    /// <exception cref="InvalidOperationException">The database is at a newer schema version than this library knows.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateToAsync(PostgreSqlMigrations.Latest, cancellationToken);

    /// <summary>Reads the schema version of the database; 0 when it has no schema yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the feed's listener and, when the store created its data source, closes its connections; calling it again does nothing.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // Containers that register the store under several services dispose it once per service.
        }

        await _listener.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _migration.Dispose();
    }

    internal RoomNotificationListener Listener => _listener;

    internal async Task MigrateToAsync(int target, CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var step in PostgreSqlMigrations.All.Where(step => step.Version <= target))
            {
                using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

                // One migrator per schema at a time, across every node; released when the transaction ends.
                await ExecuteAsync(connection, transaction, $"""
                    SELECT pg_advisory_xact_lock(hashtextextended('cinnox_rooms_migration:' || '{_options.Schema}', 0));
                    CREATE SCHEMA IF NOT EXISTS {_schema};
                    CREATE TABLE IF NOT EXISTS {_schema}.schema_version (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
                    """, cancellationToken).ConfigureAwait(false);
                var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (current > PostgreSqlMigrations.Latest)
                {
                    throw new InvalidOperationException(
                        $"The room database schema '{_options.Schema}' is at version {current}, written by a newer version of Cinnox.Chatbot.Rooms.PostgreSql; this version knows versions up to {PostgreSqlMigrations.Latest}. Update the package.");
                }

                if (current >= step.Version)
                {
                    continue; // Another node, or an earlier run, applied it.
                }

                await ExecuteAsync(connection, transaction, string.Format(CultureInfo.InvariantCulture, step.Sql, _schema), cancellationToken).ConfigureAwait(false);
                using (var record = new NpgsqlCommand($"INSERT INTO {_schema}.schema_version (version, description) VALUES ($1, $2);", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = step.Version });
                    record.Parameters.Add(new() { Value = step.Description });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.Migrated(_logger, _options.Schema, step.Version, step.Description);
            }

            _migrated = target == PostgreSqlMigrations.Latest;
        }
        finally
        {
            _migration.Release();
        }
    }

    private static NpgsqlDataSource CreateDataSource(PostgreSqlRoomStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options); // Before a data source exists, so a refused option leaks nothing.
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("options.ConnectionString is required: give an Npgsql connection string such as 'Host=localhost;Database=rooms;Username=app;Password=…', or pass an NpgsqlDataSource.", nameof(options));
        }

        try
        {
            return NpgsqlDataSource.Create(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"options.ConnectionString is not an Npgsql connection string: {exception.Message} Write it as 'Host=…;Database=…;Username=…;Password=…'.", nameof(options), exception);
        }
    }

    private static PostgreSqlRoomStoreOptions Validate(PostgreSqlRoomStoreOptions options)
    {
        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            throw new ArgumentException(
                $"options.Schema '{options.Schema}' is not a plain schema name: use lower-case letters, digits and '_', starting with a letter or '_', at most 40 characters.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FeedPollInterval, TimeSpan.Zero, "options.FeedPollInterval");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FeedReconnectDelay, TimeSpan.Zero, "options.FeedReconnectDelay");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FeedPageSize, 1, "options.FeedPageSize");
        return options;
    }

    private async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL;", connection, transaction);
        command.Parameters.Add(new() { Value = _schema + ".schema_version" });
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return 0;
        }

        command.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {_schema}.schema_version;";
        command.Parameters.Clear();
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<NpgsqlConnection> OpenReadyAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Room database schema {Schema} migrated to version {Version}: {Description}.")]
        public static partial void Migrated(ILogger logger, string schema, int version, string description);

        [LoggerMessage(2, LogLevel.Warning, "The change feed of room {RoomId} lost its connection after sequence {Sequence}; reading again from there (attempt {Attempt}).")]
        public static partial void FeedReadFailed(ILogger logger, Exception exception, string roomId, long sequence, int attempt);

        [LoggerMessage(3, LogLevel.Warning, "Room {RoomId}: work item {ItemId} of queue {Queue} had started on a node that stopped; recovering it without running it again.")]
        public static partial void RecoveringWork(ILogger logger, string roomId, long itemId, string queue);
    }
}

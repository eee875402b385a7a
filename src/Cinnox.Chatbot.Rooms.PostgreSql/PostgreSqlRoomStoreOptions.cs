using System.ComponentModel.DataAnnotations;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

/// <summary>Options of a <see cref="PostgreSqlRoomStore"/>.</summary>
public sealed class PostgreSqlRoomStoreOptions
{
    /// <summary>
    /// Gets or sets the Npgsql connection string, such as <c>Host=db;Database=rooms;Username=app;Password=…</c>. Not used when the
    /// store is given an <c>NpgsqlDataSource</c>.
    /// </summary>
    /// <value>No default: required unless a data source is given.</value>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the PostgreSQL schema that holds the store's tables; created when missing. Lower-case letters, digits and
    /// <c>_</c>, starting with a letter or <c>_</c>, at most 40 characters. Several stores can share a database in different schemas.
    /// </summary>
    /// <value><c>cinnox_rooms</c>.</value>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,39}$")]
    public string Schema { get; set; } = "cinnox_rooms";

    /// <summary>
    /// Gets or sets how often a change-feed subscriber reads its room even without a notification: a safety net only, since
    /// every commit notifies (LISTEN/NOTIFY) and a reconnect wakes every subscriber.
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the longest wait between attempts to reconnect the feed's listener or re-run a feed read after the connection dropped; the wait doubles from 50 ms up to this.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan FeedReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how many events a change-feed subscriber reads per query.</summary>
    /// <value>256.</value>
    [Range(1, 100_000)]
    public int FeedPageSize { get; set; } = 256;
}

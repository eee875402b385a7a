using System.ComponentModel.DataAnnotations;

namespace Cinnox.Chatbot.Rooms.Sqlite;

/// <summary>Options of a <see cref="SqliteRoomStore"/>.</summary>
public sealed class SqliteRoomStoreOptions
{
    /// <summary>Gets or sets the Microsoft.Data.Sqlite connection string, such as <c>Data Source=rooms.db</c>. The file is created when missing.</summary>
    /// <value>No default: required.</value>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets how long a command waits for another process's write lock before failing.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how often a change-feed subscriber looks for events other processes committed (events this store commits wake it at once).</summary>
    /// <value>250 milliseconds.</value>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

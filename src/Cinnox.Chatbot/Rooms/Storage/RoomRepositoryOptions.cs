using System.ComponentModel.DataAnnotations;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>Options of a <see cref="RoomRepository"/>.</summary>
public sealed class RoomRepositoryOptions
{
    /// <summary>Gets or sets how many times a command is re-run on the fresh room after a version conflict before giving up.</summary>
    /// <value>16.</value>
    [Range(0, 1000)]
    public int MaxConflictRetries { get; set; } = 16;

    /// <summary>Gets or sets the longest wait, with random jitter, before re-running a command after a conflict; the wait doubles from 1 ms up to this.</summary>
    /// <value>50 milliseconds.</value>
    public TimeSpan MaxConflictDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets after how many events since the last snapshot a commit also writes a new snapshot; 0 for never.</summary>
    /// <value>500.</value>
    [Range(0, int.MaxValue)]
    public int SnapshotEvery { get; set; } = 500;

    /// <summary>Gets or sets how many rooms the repository keeps loaded in memory between commands.</summary>
    /// <value>1,000.</value>
    [Range(0, int.MaxValue)]
    public int MaxCachedRooms { get; set; } = 1000;
}

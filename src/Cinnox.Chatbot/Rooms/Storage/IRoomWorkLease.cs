namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A worker's exclusive hold on one room's work in one queue (see <see cref="IRoomWorkStore"/>); dispose it to let others take the room.</summary>
public interface IRoomWorkLease : IAsyncDisposable
{
    /// <summary>Gets the room's id.</summary>
    string RoomId { get; }

    /// <summary>Gets the queue's name.</summary>
    string Queue { get; }

    /// <summary>Reads the room's unfinished items of the queue, oldest first.</summary>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items; empty when the room has none left.</returns>
    /// <exception cref="InvalidOperationException">The hold was lost (its connection dropped); stop working on the room.</exception>
    ValueTask<IReadOnlyList<RoomWorkEntry>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Records durably that an item has started, before anything irreversible is done for it.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is durable.</returns>
    /// <exception cref="InvalidOperationException">The hold was lost; stop working on the room.</exception>
    ValueTask MarkStartedAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Records durably that an item is finished; it is never handed out again.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is durable.</returns>
    /// <exception cref="InvalidOperationException">The hold was lost; stop working on the room.</exception>
    ValueTask CompleteAsync(long id, CancellationToken cancellationToken = default);
}

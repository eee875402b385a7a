namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// A store capability for work queued with commits (<see cref="RoomCommandContext.QueueWork"/>): hands a room's pending
/// items to one worker at a time across every process sharing the store, in the order they were queued (docs/chat-rooms.md#rooms-that-last: one
/// node at a time answers a room's chatbot turns, in order).
/// </summary>
/// <remarks>
/// A lease lasts until it is disposed or its holder's process dies, whereupon another worker may take the room. An item
/// marked started is never handed out as new again: the next holder sees <see cref="RoomWorkEntry.Started"/> and recovers
/// it instead of running it twice.
/// </remarks>
public interface IRoomWorkStore
{
    /// <summary>Takes the room whose oldest pending item in a queue is oldest among the rooms no other worker holds.</summary>
    /// <param name="queue">The queue's name, such as <c>chatbot-turn</c>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The lease, or <see langword="null"/> when no unheld room has pending work in the queue.</returns>
    ValueTask<IRoomWorkLease?> TryLeaseAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Waits until some process may have queued new work (a commit was announced), or the timeout passes.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task that completes when it is worth looking for work again.</returns>
    Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}

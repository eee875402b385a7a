using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// The loop behind every provider's <see cref="IRoomChangeFeed.SubscribeAsync"/>: read the events after the last one
/// yielded, page by page, and wait for a wake-up (or the next poll) only once caught up. Because the wake-up is taken
/// before each read and the data is always read by sequence, a commit between the read and the wait is never missed
/// and no event is yielded twice or out of order.
/// </summary>
public static class RoomFeedFollower
{
    /// <summary>Follows a room's events after <paramref name="afterSequence"/> until cancelled.</summary>
    /// <param name="afterSequence">The last sequence the subscriber has; 0 for all.</param>
    /// <param name="pageSize">The most events one read asks for; a shorter page means caught up.</param>
    /// <param name="readPage">Reads the events after a sequence, at most <paramref name="pageSize"/>, in order.</param>
    /// <param name="takeWakeUp">
    /// Returns a task that completes at the next commit to the room (or any commit); taken before each read.
    /// </param>
    /// <param name="pollInterval">
    /// How long to wait for a wake-up before reading again anyway, for commits the wake-up cannot see (other
    /// processes); <see langword="null"/> to wait for the wake-up alone.
    /// </param>
    /// <param name="timeProvider">The clock the poll waits on.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The room's events in order, each once.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="afterSequence"/> is negative, <paramref name="pageSize"/> is not positive, or
    /// <paramref name="pollInterval"/> is not positive.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="readPage"/>, <paramref name="takeWakeUp"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IAsyncEnumerable<SerializedRoomEvent> FollowAsync(
        long afterSequence,
        int pageSize,
        Func<long, CancellationToken, ValueTask<IReadOnlyList<SerializedRoomEvent>>> readPage,
        Func<Task> takeWakeUp,
        TimeSpan? pollInterval,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentNullException.ThrowIfNull(takeWakeUp);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (pollInterval is { } interval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        }

        return FollowCoreAsync(cancellationToken);

        async IAsyncEnumerable<SerializedRoomEvent> FollowCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var last = afterSequence;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wake = takeWakeUp();
                var page = await readPage(last, cancellationToken).ConfigureAwait(false);
                foreach (var stored in page)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    last = stored.Sequence;
                    yield return stored;
                }

                if (page.Count >= pageSize)
                {
                    continue;
                }

                if (pollInterval is { } interval)
                {
                    await Task.WhenAny(wake, Task.Delay(interval, timeProvider, cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}

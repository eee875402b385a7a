using Cinnox.Chatbot.Rooms.Storage;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

// The change feed: a wake-up per room from LISTEN/NOTIFY, the data read by sequence, catch-up after any failure.
public sealed partial class PostgreSqlRoomStore
{
    /// <inheritdoc />
    /// <remarks>
    /// A commit on any node wakes the subscriber through a notification; the subscriber then reads every event after the
    /// last one it yielded, so nothing is skipped even when notifications are lost. A read that fails because the
    /// connection dropped is retried from the same sequence, with growing waits up to
    /// <see cref="PostgreSqlRoomStoreOptions.FeedReconnectDelay"/>, until the subscription is cancelled.
    /// </remarks>
    public IAsyncEnumerable<SerializedRoomEvent> SubscribeAsync(string roomId, long afterSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return RoomFeedFollower.FollowAsync(
            afterSequence, _options.FeedPageSize, (after, token) => ReadFeedPageAsync(roomId, after, token), () => _listener.WhenWoken(roomId), _options.FeedPollInterval, _clock, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var woken = _listener.WhenAnyWoken();
        await Task.WhenAny(woken, Task.Delay(timeout, _clock, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    // A read that fails because the connection dropped is retried from the same sequence until it succeeds or is cancelled.
    private async ValueTask<IReadOnlyList<SerializedRoomEvent>> ReadFeedPageAsync(string roomId, long after, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await ReadEventsAsync(roomId, after, _options.FeedPageSize, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
            {
                Log.FeedReadFailed(_logger, exception, roomId, after, failures);
                await Task.Delay(Backoff(failures), _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.FeedReconnectDelay.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(failures - 1, 16))));
}

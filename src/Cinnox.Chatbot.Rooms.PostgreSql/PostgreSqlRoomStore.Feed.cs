using System.Runtime.CompilerServices;
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
    public async IAsyncEnumerable<SerializedRoomEvent> SubscribeAsync(string roomId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        var last = afterSequence;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wake = _listener.WhenWoken(roomId);
            IReadOnlyList<SerializedRoomEvent> page;
            try
            {
                page = await ReadEventsAsync(roomId, last, _options.FeedPageSize, cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                Log.FeedReadFailed(_logger, exception, roomId, last, failures);
                await Task.Delay(Backoff(failures), _clock, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var stored in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                last = stored.Sequence;
                yield return stored;
            }

            if (page.Count < _options.FeedPageSize)
            {
                await Task.WhenAny(wake, Task.Delay(_options.FeedPollInterval, _clock, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var woken = _listener.WhenAnyWoken();
        await Task.WhenAny(woken, Task.Delay(timeout, _clock, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.FeedReconnectDelay.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(failures - 1, 16))));
}

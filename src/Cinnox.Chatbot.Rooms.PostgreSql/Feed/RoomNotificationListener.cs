using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cinnox.Chatbot.Rooms.PostgreSql;

/// <summary>
/// One connection per store that LISTENs for commits on the store's channel and wakes the subscribers of the room named
/// in each notification. A notification is only a wake-up: subscribers read the events by sequence, so one that is
/// lost delays an event and never skips it. When the connection drops, the listener reconnects with growing waits and
/// wakes every subscriber, which read from the last sequence they saw (the catch-up).
/// </summary>
internal sealed partial class RoomNotificationListener(NpgsqlDataSource dataSource, string channel, TimeSpan maxReconnectDelay, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _rooms = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _any = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listening;
    private int _processId;

    /// <summary>Gets the server process id of the listening connection, 0 while it is not connected (for tests that cut it).</summary>
    public int ProcessId => Volatile.Read(ref _processId);

    /// <summary>Gets how many times the listener has connected.</summary>
    public int Connections { get; private set; }

    /// <summary>Gets a task that completes at the next wake-up of a room (a commit announced, or a reconnect); starts listening on first use.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <returns>The task.</returns>
    public Task WhenWoken(string roomId)
    {
        EnsureListening();
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var signal))
            {
                _rooms[roomId] = signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return signal.Task;
        }
    }

    /// <summary>Gets a task that completes at the next wake-up of any room.</summary>
    /// <returns>The task.</returns>
    public Task WhenAnyWoken()
    {
        EnsureListening();
        lock (_gate)
        {
            return _any.Task;
        }
    }

    /// <summary>Wakes a room's subscribers, as a notification for it does.</summary>
    /// <param name="roomId">The room's id.</param>
    public void Announce(string roomId)
    {
        TaskCompletionSource? signal;
        TaskCompletionSource any;
        lock (_gate)
        {
            _rooms.Remove(roomId, out signal);
            any = _any;
            _any = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal?.SetResult();
        any.SetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_listening is { } listening)
        {
            await listening.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private void EnsureListening()
    {
        if (_listening is not null)
        {
            return;
        }

        lock (_gate)
        {
            _listening ??= Task.Run(ListenAsync);
        }
    }

    private async Task ListenAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                connection.Notification += (_, notification) => Announce(notification.Payload);
                using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\";", connection))
                {
                    await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                Volatile.Write(ref _processId, connection.ProcessID);
                Connections++;
                failures = 0;

                // Commits made while there was no listener (at start, or while reconnecting) are caught up by every
                // subscriber reading again from its last sequence.
                WakeAll();
                while (true)
                {
                    await connection.WaitAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of the listening connection is logged and answered by reconnecting.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Volatile.Write(ref _processId, 0);
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(maxReconnectDelay.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(failures - 1, 16))));
                Log.ListenerDropped(logger, exception, channel, delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, clock, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void WakeAll()
    {
        TaskCompletionSource[] signals;
        TaskCompletionSource any;
        lock (_gate)
        {
            signals = [.. _rooms.Values];
            _rooms.Clear();
            any = _any;
            _any = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        foreach (var signal in signals)
        {
            signal.SetResult();
        }

        any.SetResult();
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Warning, "The change-feed listener on channel {Channel} lost its connection; reconnecting in {DelayMs} ms, then every subscriber catches up from its last sequence.")]
        public static partial void ListenerDropped(ILogger logger, Exception exception, string channel, double delayMs);
    }
}

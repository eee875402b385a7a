using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Delivers a room's change notifications (<see cref="ChatRoom.Changed"/>) in the order the changes happened, one
/// handler call at a time and never under the room's lock. Each command delivers its own changes on its own thread,
/// before it returns: it waits for the changes ahead of it (other callers deliver those) and never delivers another
/// caller's changes, so one call never pays for thousands of others. A handler that throws is logged and never fails
/// the caller: the change was made either way.
/// </summary>
/// <remarks>
/// <para>
/// A change is owned by the thread that made it: a command records its changes under the room's lock, then calls
/// <see cref="Deliver"/> on the same thread once the lock is released. A thread whose change is at the head of the queue
/// delivers its changes in a row, until the head belongs to another thread, which it then wakes.
/// </para>
/// <para>
/// Reentrancy: a handler that changes the same room (on the thread that is calling it) cannot deliver at once without
/// breaking the order for the handlers after it, which have not heard the current change yet. Its call returns before
/// its changes are delivered; the frame below delivers them on the same thread as soon as the handler returns, in room
/// order. Waiting instead would deadlock the thread on itself.
/// </para>
/// <para>
/// A handler that blocks until another thread changes the same room (a handler that waits on a task that posts to the
/// room) would, with plain waiting, hang both threads for ever: the other thread waits for the handler's change to be
/// delivered, and the handler waits for the other thread. No thread can tell such a handler from a merely slow one, so a
/// waiting caller watches progress instead: when no handler call has returned for <see cref="StallTimeout"/>, it takes
/// over and delivers the changes ahead of it itself (the stalled handler's remaining handlers of the current change
/// included, so every handler still hears every change once, in order), then its own, and returns. The stalled thread
/// is then known to be stalled: while it is inside its handler, waiters deliver its changes without waiting again. When
/// its handler returns it goes back to waiting for its own changes, which others may already have delivered. The only
/// cost is that the stalled handler hears the later changes while it is still inside the earlier one, which is what
/// waiting on a change to the room it is handling asks for. A timeout-free scheme would have to hand changes to other
/// threads whenever a handler is merely slow, which breaks one-call-one-thread for every slow handler; waiting without
/// limit trades a slow start for a hang. A stall timeout of <see cref="Timeout.InfiniteTimeSpan"/> turns taking over off.
/// </para>
/// </remarks>
internal sealed partial class RoomEventQueue
{
    private readonly object _gate = new();
    private readonly Queue<Entry> _pending = new();

    // Changes not yet delivered to every handler, per owning thread.
    private readonly Dictionary<int, int> _owned = [];

    // Threads inside a handler call of this queue, with their nesting depth, and those of them that were taken over from.
    private readonly Dictionary<int, int> _inHandler = [];
    private readonly HashSet<int> _stalled = [];

    private int _deliverer;

    /// <summary>Gets or sets how long a waiting caller lets a handler call run without any handler call returning before it delivers the changes ahead of it itself.</summary>
    /// <value>Two seconds.</value>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Queues a change, owned by the calling thread. Called under the room's lock, in the order the changes were made.</summary>
    /// <param name="change">The change.</param>
    public void Enqueue(ChatRoomEventArgs change)
    {
        var owner = Environment.CurrentManagedThreadId;
        lock (_gate)
        {
            _pending.Enqueue(new Entry(change, owner));
            _owned[owner] = _owned.GetValueOrDefault(owner) + 1;
        }
    }

    /// <summary>
    /// Delivers the calling thread's changes, in room order after every change ahead of them, and returns once they were
    /// delivered; returns at once when called from a handler of this queue (the frame below delivers them next).
    /// </summary>
    /// <param name="sender">The room, the events' sender.</param>
    /// <param name="handlers">Reads the handlers, when a change starts to be delivered.</param>
    /// <param name="logger">Where failing handlers are logged.</param>
    public void Deliver(object sender, Func<EventHandler<ChatRoomEventArgs>?> handlers, ILogger logger)
    {
        var me = Environment.CurrentManagedThreadId;
        lock (_gate)
        {
            if (!_owned.ContainsKey(me) || _inHandler.ContainsKey(me))
            {
                return;
            }

            while (_owned.ContainsKey(me))
            {
                var head = _pending.Peek();
                if (_deliverer == 0 && (head.Owner == me || _stalled.Contains(head.Owner)))
                {
                    DeliverInTurn(me, sender, handlers, logger);
                    continue;
                }

                if (!Monitor.Wait(_gate, StallTimeout))
                {
                    // Nothing returned for the whole timeout: the delivery ahead is stalled (or its owner never came).
                    if (_deliverer != 0)
                    {
                        _stalled.Add(_deliverer);
                        _deliverer = 0;
                    }

                    DeliverInTurn(me, sender, handlers, logger, takeOver: true);
                }
            }
        }
    }

    // Called under _gate with no one delivering. Delivers from the head while the head is the caller's own (or, taking
    // over, until the caller's own changes are all delivered) and stalled threads' changes; then lets the next owner go.
    private void DeliverInTurn(int me, object sender, Func<EventHandler<ChatRoomEventArgs>?> handlers, ILogger logger, bool takeOver = false)
    {
        _deliverer = me;
        try
        {
            while (_deliverer == me && _pending.TryPeek(out var head)
                && (head.Owner == me || _stalled.Contains(head.Owner) || (takeOver && _owned.ContainsKey(me))))
            {
                head.Handlers ??= [.. Delegate.EnumerateInvocationList(handlers())];
                if (head.Next == head.Handlers.Length)
                {
                    _pending.Dequeue();
                    if (--_owned[head.Owner] == 0)
                    {
                        _owned.Remove(head.Owner);
                    }

                    continue;
                }

                CallHandler(me, head, head.Handlers[head.Next++], sender, logger);
            }
        }
        finally
        {
            if (_deliverer == me)
            {
                _deliverer = 0;
            }

            Monitor.PulseAll(_gate);
        }
    }

    // Called under _gate; releases it for the call.
    private void CallHandler(int me, Entry entry, EventHandler<ChatRoomEventArgs> handler, object sender, ILogger logger)
    {
        _inHandler[me] = _inHandler.GetValueOrDefault(me) + 1;
        Monitor.Exit(_gate);
        try
        {
            handler(sender, entry.Change);
        }
#pragma warning disable CA1031 // A failing handler must not fail the change that was already made, nor stop later changes from being heard.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            HandlerFailed(logger, exception, entry.Change.Room.Id, entry.Change.Version, entry.Change.GetType().Name);
        }
        finally
        {
            Monitor.Enter(_gate);
            if (--_inHandler[me] == 0)
            {
                _inHandler.Remove(me);
                _stalled.Remove(me);
            }

            Monitor.PulseAll(_gate);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "A handler of ChatRoom.Changed failed for room {RoomId} at version {Version} ({Change}); the change stays made and later changes are still delivered.")]
    private static partial void HandlerFailed(ILogger logger, Exception exception, string roomId, long version, string change);

    private sealed class Entry(ChatRoomEventArgs change, int owner)
    {
        public ChatRoomEventArgs Change { get; } = change;

        public int Owner { get; } = owner;

        public EventHandler<ChatRoomEventArgs>[]? Handlers { get; set; }

        public int Next { get; set; }
    }
}

using System.Runtime.ExceptionServices;

namespace Cinnox.Chatbot.Rooms.Internal;

/// <summary>
/// Delivers a room's events one at a time, in the order the changes happened, never while the room's lock is
/// held. Changes enqueue under the room's lock (so queue order is version order); whichever thread finds nobody
/// delivering becomes the deliverer until the queue is empty. A handler that changes the room sees its own
/// change delivered after it returns, in order.
/// </summary>
internal sealed class RoomEventQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<ChatRoomEventArgs> _pending = new();
    private bool _delivering;

    public void Enqueue(ChatRoomEventArgs change)
    {
        lock (_gate)
        {
            _pending.Enqueue(change);
        }
    }

    public void Deliver(object sender, Func<EventHandler<ChatRoomEventArgs>?> handlers)
    {
        lock (_gate)
        {
            if (_delivering || _pending.Count == 0)
            {
                return;
            }

            _delivering = true;
        }

        List<Exception>? failures = null;
        while (true)
        {
            ChatRoomEventArgs next;
            lock (_gate)
            {
                if (!_pending.TryDequeue(out next!))
                {
                    _delivering = false;
                    break;
                }
            }

            // Each handler is called on its own so that one that throws does not keep the others from hearing.
            foreach (var handler in Delegate.EnumerateInvocationList(handlers()))
            {
                try
                {
                    handler(sender, next);
                }
#pragma warning disable CA1031 // A failing handler must not stop the others, or later changes, from being heard; it is rethrown below.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    (failures ??= []).Add(exception);
                }
            }
        }

        if (failures is [var single])
        {
            ExceptionDispatchInfo.Throw(single);
        }

        if (failures is not null)
        {
            throw new AggregateException("Handlers of ChatRoom.Changed threw.", failures);
        }
    }
}

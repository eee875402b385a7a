using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Rooms.Internal;

/// <summary>
/// Delivers a room's change notifications one at a time, in the order the changes happened, never under the room's
/// lock. A handler that throws is logged and never fails the caller: the change was made either way.
/// </summary>
internal sealed partial class RoomEventQueue
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

    public void Deliver(object sender, Func<EventHandler<ChatRoomEventArgs>?> handlers, ILogger logger)
    {
        lock (_gate)
        {
            if (_delivering || _pending.Count == 0)
            {
                return;
            }

            _delivering = true;
        }

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
#pragma warning disable CA1031 // A failing handler must not fail the change that was already made, nor stop later changes from being heard.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    HandlerFailed(logger, exception, next.Room.Id, next.Version, next.GetType().Name);
                }
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "A handler of ChatRoom.Changed failed for room {RoomId} at version {Version} ({Change}); the change stays made and later changes are still delivered.")]
    private static partial void HandlerFailed(ILogger logger, Exception exception, string roomId, long version, string change);
}

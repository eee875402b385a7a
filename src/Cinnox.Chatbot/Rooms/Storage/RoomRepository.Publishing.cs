using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Rooms.Storage;

// Handing committed events to the Committed handlers, in room order, after the commit.
public sealed partial class RoomRepository
{
    private void Publish(string roomId, IReadOnlyList<RoomEvent> events) =>
        _published.Writer.TryWrite(new RoomEventsCommittedEventArgs(roomId, events));

    private async Task PublishAsync()
    {
        await foreach (var committed in _published.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var handler in Delegate.EnumerateInvocationList(Committed))
            {
                try
                {
                    handler(this, committed);
                }
#pragma warning disable CA1031 // A handler's failure is logged and must never reach the command or stop later events.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Log.HandlerFailed(_logger, exception, committed.RoomId, committed.Events[0].Sequence);
                }
            }
        }
    }
}

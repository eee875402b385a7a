namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// A change feed (docs/chat-rooms.md#rooms-that-last): every committed event of a room, in order, starting after a sequence the subscriber
/// already saw, including events other processes wrote. A subscriber that reconnects passes the last sequence it
/// saw and never misses one. Stores that serve many processes implement it next to <see cref="IRoomStore"/>.
/// </summary>
public interface IRoomChangeFeed
{
    /// <summary>Streams a room's committed events after a sequence, waiting for new ones until cancelled.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="afterSequence">The last sequence the subscriber saw; 0 for the whole history.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The events, in sequence order, without gaps.</returns>
    IAsyncEnumerable<SerializedRoomEvent> SubscribeAsync(string roomId, long afterSequence, CancellationToken cancellationToken = default);
}

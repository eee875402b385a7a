namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>The events one commit added to a room, raised by <see cref="RoomRepository.Committed"/> after the commit, in room order.</summary>
public sealed class RoomEventsCommittedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="RoomEventsCommittedEventArgs"/> class.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="events">The events, in sequence order.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RoomEventsCommittedEventArgs(string roomId, IReadOnlyList<RoomEvent> events)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        ArgumentNullException.ThrowIfNull(events);
        RoomId = roomId;
        Events = events;
    }

    /// <summary>Gets the room's id.</summary>
    public string RoomId { get; }

    /// <summary>Gets the events, in sequence order.</summary>
    public IReadOnlyList<RoomEvent> Events { get; }
}

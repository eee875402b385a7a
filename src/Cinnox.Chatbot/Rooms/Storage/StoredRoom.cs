namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A room as a store returns it: the latest snapshot, if any, and the events after it.</summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="Snapshot">The latest snapshot, or <see langword="null"/>.</param>
/// <param name="Events">The events after the snapshot (all events without one), in sequence order.</param>
public sealed record StoredRoom(string RoomId, StoredSnapshot? Snapshot, IReadOnlyList<SerializedRoomEvent> Events)
{
    /// <summary>Gets the room's version: the sequence of its last event.</summary>
    public long Version => Events.Count > 0 ? Events[^1].Sequence : Snapshot?.Version ?? 0;
}

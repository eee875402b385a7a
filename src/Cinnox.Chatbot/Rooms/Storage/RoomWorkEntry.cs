namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A queued work item as a lease holder reads it.</summary>
/// <param name="Id">The item's id in the store, increasing in the order items were committed.</param>
/// <param name="RoomId">The room's id.</param>
/// <param name="Item">The item as it was queued.</param>
/// <param name="Started">Whether a worker marked it started and did not finish it: it must be recovered, never run again.</param>
public sealed record RoomWorkEntry(long Id, string RoomId, RoomWorkItem Item, bool Started);

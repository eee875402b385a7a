namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A room's summary row (a read model).</summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="Kind">The kind of room.</param>
/// <param name="Title">What lists show for the room: a Space's name, an enquiry's id, the members of a direct room or conference.</param>
/// <param name="Version">The room's version after the commit.</param>
/// <param name="LastActivityAt">When the room last had activity.</param>
public sealed record RoomRecord(string RoomId, RoomKind Kind, string Title, long Version, DateTimeOffset LastActivityAt);

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// An event in its stored form: the room, the sequence, the time, a stable type name, the schema version it was
/// written with, and the payload as UTF-8 JSON. This is what a store keeps and what a change feed carries.
/// </summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="Sequence">The event's sequence in its room, from 1, without gaps.</param>
/// <param name="OccurredAt">When the change happened.</param>
/// <param name="Type">The stable type name, such as <c>MessagePosted</c>.</param>
/// <param name="SchemaVersion">The schema version the payload was written with.</param>
/// <param name="Data">The whole event as UTF-8 JSON.</param>
public sealed record SerializedRoomEvent(string RoomId, long Sequence, DateTimeOffset OccurredAt, string Type, int SchemaVersion, ReadOnlyMemory<byte> Data);

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A room snapshot in its stored form (see <see cref="RoomEventSerializer.SerializeSnapshot"/>).</summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="Version">The room's version the snapshot was taken at.</param>
/// <param name="SchemaVersion">The snapshot's schema version.</param>
/// <param name="Data">The snapshot as UTF-8 JSON.</param>
public sealed record StoredSnapshot(string RoomId, long Version, int SchemaVersion, ReadOnlyMemory<byte> Data);

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>What a command with an idempotency key committed: repeating the key returns this and changes nothing.</summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="Key">The key (a client message id).</param>
/// <param name="MessageId">The message the command posted or changed, if any.</param>
/// <param name="MessageSequence">That message's sequence, or 0.</param>
/// <param name="Version">The room's version after the command.</param>
public sealed record IdempotencyRecord(string RoomId, string Key, string? MessageId, long MessageSequence, long Version);

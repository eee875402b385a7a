namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>The result of a command run through a <see cref="RoomRepository"/>.</summary>
/// <typeparam name="T">What the command returned.</typeparam>
/// <param name="Value">What the command returned; the default when <paramref name="Repeated"/> (the command did not run again).</param>
/// <param name="MessageId">The id of the message the command posted (or else changed), if any.</param>
/// <param name="MessageSequence">That message's sequence in the room, or 0.</param>
/// <param name="Version">The room's version after the command.</param>
/// <param name="Repeated">Whether the idempotency key was used before, so this is the first run's result and nothing changed.</param>
public sealed record RoomCommandResult<T>(T? Value, string? MessageId, long MessageSequence, long Version, bool Repeated);

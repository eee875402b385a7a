namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// A commit was refused because the room moved on since the command read it (optimistic concurrency, docs/chat-rooms.md#rooms-that-last), or
/// because its idempotency key was already used. Nothing was written; <see cref="RoomRepository"/> re-runs the command on
/// the fresh room.
/// </summary>
public sealed class RoomVersionConflictException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RoomVersionConflictException"/> class.</summary>
    public RoomVersionConflictException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoomVersionConflictException"/> class.</summary>
    /// <param name="message">The message.</param>
    public RoomVersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoomVersionConflictException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, such as the database's unique-key violation.</param>
    public RoomVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoomVersionConflictException"/> class for a room.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <param name="expectedVersion">The version the command saw.</param>
    /// <param name="actualVersion">The room's version now, when known.</param>
    /// <param name="innerException">The cause, such as the database's unique-key violation.</param>
    public RoomVersionConflictException(string roomId, long expectedVersion, long? actualVersion, Exception? innerException = null)
        : base(
            actualVersion is { } actual
                ? $"Room {roomId} is at version {actual}, not {expectedVersion}: another writer committed first. Load the room again and re-run the command."
                : $"Room {roomId} is no longer at version {expectedVersion}: another writer committed first. Load the room again and re-run the command.",
            innerException)
    {
        RoomId = roomId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Gets the room's id.</summary>
    public string? RoomId { get; }

    /// <summary>Gets the version the command saw.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the room's version when the commit was refused, when the store knows it.</summary>
    public long? ActualVersion { get; }

    /// <summary>Gets a value indicating whether the conflict is a repeated idempotency key rather than a version.</summary>
    public bool IsDuplicateIdempotencyKey { get; init; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>A stored room event could not be read: an unknown type, a newer schema version, or JSON that does not match.</summary>
public sealed class RoomEventFormatException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RoomEventFormatException"/> class.</summary>
    public RoomEventFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoomEventFormatException"/> class.</summary>
    /// <param name="message">The message.</param>
    public RoomEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoomEventFormatException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RoomEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal RoomEventFormatException(SerializedRoomEvent stored, string reason, Exception? innerException = null)
        : base($"Event {stored.Sequence} of room {stored.RoomId} cannot be read: {reason}", innerException)
    {
        RoomId = stored.RoomId;
        Sequence = stored.Sequence;
        EventType = stored.Type;
    }

    /// <summary>Gets the room of the event.</summary>
    public string? RoomId { get; }

    /// <summary>Gets the event's sequence.</summary>
    public long Sequence { get; }

    /// <summary>Gets the event's stored type name.</summary>
    public string? EventType { get; }
}

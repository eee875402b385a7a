namespace Cinnox.Chatbot.Rooms;

/// <summary>A message was recalled by its sender; it stays as a tombstone without content.</summary>
public sealed record MessageRecalled : RoomEvent
{
    /// <summary>Gets the message's id.</summary>
    public required string MessageId { get; init; }
}

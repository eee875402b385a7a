namespace Cinnox.Chatbot.Rooms;

/// <summary>A member's read position moved forward.</summary>
public sealed record ReadPositionMoved : RoomEvent
{
    /// <summary>Gets the member's id.</summary>
    public required string MemberId { get; init; }

    /// <summary>Gets the message sequence of the last message read.</summary>
    public required long ReadSequence { get; init; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>A member left the room.</summary>
public sealed record MemberLeft : RoomEvent
{
    /// <summary>Gets the member's id.</summary>
    public required string MemberId { get; init; }
}

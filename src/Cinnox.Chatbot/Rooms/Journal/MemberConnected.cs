namespace Cinnox.Chatbot.Rooms;

/// <summary>A member who was already in the room started handling it, so it entered their Recent Connections.</summary>
public sealed record MemberConnected : RoomEvent
{
    /// <summary>Gets the member's id.</summary>
    public required string MemberId { get; init; }
}

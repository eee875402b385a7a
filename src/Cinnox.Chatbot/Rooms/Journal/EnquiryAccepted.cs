namespace Cinnox.Chatbot.Rooms;

/// <summary>A staff member took an enquiry.</summary>
public sealed record EnquiryAccepted : RoomEvent
{
    /// <summary>Gets the agent.</summary>
    public required RoomMember Agent { get; init; }
}

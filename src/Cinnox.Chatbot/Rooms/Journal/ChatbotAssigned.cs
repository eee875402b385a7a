namespace Cinnox.Chatbot.Rooms;

/// <summary>A chatbot was given an enquiry to answer.</summary>
public sealed record ChatbotAssigned : RoomEvent
{
    /// <summary>Gets the chatbot as a member of the room.</summary>
    public required RoomMember Bot { get; init; }
}

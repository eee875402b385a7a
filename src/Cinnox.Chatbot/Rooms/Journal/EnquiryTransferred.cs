namespace Cinnox.Chatbot.Rooms;

/// <summary>An enquiry a chatbot handled now waits for a live agent.</summary>
public sealed record EnquiryTransferred : RoomEvent
{
    /// <summary>Gets why, as shown to the visitor.</summary>
    public required string Reason { get; init; }
}

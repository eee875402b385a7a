namespace Cinnox.Chatbot.Rooms;

/// <summary>A staff member added or changed a field of the visitor information of an enquiry.</summary>
public sealed record VisitorInformationChanged : RoomEvent
{
    /// <summary>Gets the visitor information as it is now.</summary>
    public required VisitorInformation VisitorInformation { get; init; }
}

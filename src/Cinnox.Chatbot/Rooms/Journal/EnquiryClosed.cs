namespace Cinnox.Chatbot.Rooms;

/// <summary>An enquiry was closed.</summary>
public sealed record EnquiryClosed : RoomEvent
{
    /// <summary>Gets who closed it (a member or the platform bot).</summary>
    public required RoomMember ClosedBy { get; init; }

    /// <summary>Gets why, if a reason was given.</summary>
    public string? Reason { get; init; }
}

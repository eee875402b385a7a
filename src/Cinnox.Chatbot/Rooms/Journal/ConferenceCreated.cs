namespace Cinnox.Chatbot.Rooms;

/// <summary>A conference was created (the first event of a <see cref="ConferenceRoom"/>); its host and participants join in the next events.</summary>
public sealed record ConferenceCreated : RoomEvent
{
    /// <summary>Gets the staff member who hosts the conference.</summary>
    public required RoomMember Host { get; init; }
}

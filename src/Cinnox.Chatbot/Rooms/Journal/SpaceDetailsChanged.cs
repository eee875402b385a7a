namespace Cinnox.Chatbot.Rooms;

/// <summary>A Space's name or description changed.</summary>
public sealed record SpaceDetailsChanged : RoomEvent
{
    /// <summary>Gets the new name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the new description.</summary>
    public string? Description { get; init; }
}

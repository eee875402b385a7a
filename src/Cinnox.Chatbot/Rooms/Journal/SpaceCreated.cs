namespace Cinnox.Chatbot.Rooms;

/// <summary>A Space was created (the first event of a <see cref="SpaceRoom"/>); its creator joins in the next event.</summary>
public sealed record SpaceCreated : RoomEvent
{
    /// <summary>Gets the Space's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the Space's description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Gets whether the Space is private or public.</summary>
    public SpaceVisibility Visibility { get; init; }
}

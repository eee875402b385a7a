namespace Cinnox.Chatbot.Rooms;

/// <summary>A Space's name or description changed.</summary>
public sealed class SpaceDetailsChangedEventArgs : ChatRoomEventArgs
{
    internal SpaceDetailsChangedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, string name, string? description, string changedBy)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(changedBy);
        Name = name;
        Description = description;
        ChangedBy = changedBy;
    }

    /// <summary>Gets the name now.</summary>
    public string Name { get; }

    /// <summary>Gets the description now.</summary>
    public string? Description { get; }

    /// <summary>Gets the id of the member who changed it.</summary>
    public string ChangedBy { get; }
}

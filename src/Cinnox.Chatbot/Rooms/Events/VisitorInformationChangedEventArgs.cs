namespace Cinnox.Chatbot.Rooms;

/// <summary>A staff member added or changed a field of an enquiry's visitor information.</summary>
public sealed class VisitorInformationChangedEventArgs : ChatRoomEventArgs
{
    internal VisitorInformationChangedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, VisitorInformation visitorInformation, string changedBy)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(visitorInformation);
        ArgumentNullException.ThrowIfNull(changedBy);
        VisitorInformation = visitorInformation;
        ChangedBy = changedBy;
    }

    /// <summary>Gets the visitor information now.</summary>
    public VisitorInformation VisitorInformation { get; }

    /// <summary>Gets the id of the staff member.</summary>
    public string ChangedBy { get; }
}

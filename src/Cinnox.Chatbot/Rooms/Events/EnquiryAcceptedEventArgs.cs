namespace Cinnox.Chatbot.Rooms;

/// <summary>A staff member took an enquiry (<see cref="EnquiryStatus.WithAgent"/>).</summary>
public sealed class EnquiryAcceptedEventArgs : EnquiryStatusChangedEventArgs
{
    internal EnquiryAcceptedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, EnquiryStatus previousStatus, EnquiryStatus status, RoomMember agent)
        : base(room, version, occurredAt, previousStatus, status)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Agent = agent;
    }

    /// <summary>Gets the staff member who handles the enquiry now.</summary>
    public RoomMember Agent { get; }
}

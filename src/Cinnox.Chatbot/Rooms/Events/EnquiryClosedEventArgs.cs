namespace Cinnox.Chatbot.Rooms;

/// <summary>An enquiry was closed (<see cref="EnquiryStatus.Closed"/>).</summary>
public sealed class EnquiryClosedEventArgs : EnquiryStatusChangedEventArgs
{
    internal EnquiryClosedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, EnquiryStatus previousStatus, EnquiryStatus status, RoomMember closedBy, string? reason)
        : base(room, version, occurredAt, previousStatus, status)
    {
        ArgumentNullException.ThrowIfNull(closedBy);
        ClosedBy = closedBy;
        Reason = reason;
    }

    /// <summary>Gets who closed it: a staff member, the chatbot, the visitor or the platform bot.</summary>
    public RoomMember ClosedBy { get; }

    /// <summary>Gets why, when known.</summary>
    public string? Reason { get; }
}

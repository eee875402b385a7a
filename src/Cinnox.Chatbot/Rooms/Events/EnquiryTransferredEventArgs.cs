namespace Cinnox.Chatbot.Rooms;

/// <summary>An enquiry was transferred from its chatbot to live agents and waits for one (<see cref="EnquiryStatus.WaitingForAgent"/>).</summary>
public sealed class EnquiryTransferredEventArgs : EnquiryStatusChangedEventArgs
{
    internal EnquiryTransferredEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, EnquiryStatus previousStatus, EnquiryStatus status, string reason)
        : base(room, version, occurredAt, previousStatus, status)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
    }

    /// <summary>Gets why it was transferred.</summary>
    public string Reason { get; }
}

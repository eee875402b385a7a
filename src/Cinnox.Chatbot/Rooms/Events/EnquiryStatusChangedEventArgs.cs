namespace Cinnox.Chatbot.Rooms;

/// <summary>An enquiry moved from one status to another; the derived types say why: <see cref="EnquiryTransferredEventArgs"/>, <see cref="EnquiryAcceptedEventArgs"/>, <see cref="EnquiryClosedEventArgs"/>.</summary>
public abstract class EnquiryStatusChangedEventArgs : ChatRoomEventArgs
{
    private protected EnquiryStatusChangedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, EnquiryStatus previousStatus, EnquiryStatus status)
        : base(room, version, occurredAt)
    {
        PreviousStatus = previousStatus;
        Status = status;
    }

    /// <summary>Gets the status before.</summary>
    public EnquiryStatus PreviousStatus { get; }

    /// <summary>Gets the status now.</summary>
    public EnquiryStatus Status { get; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>Labels or topics were added to an enquiry.</summary>
public sealed class EnquiryClassifiedEventArgs : ChatRoomEventArgs
{
    internal EnquiryClassifiedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, IReadOnlyList<string> labels, IReadOnlyList<string> topics, string changedBy)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(changedBy);
        Labels = labels;
        Topics = topics;
        ChangedBy = changedBy;
    }

    /// <summary>Gets the enquiry's labels now.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Gets the enquiry's topics now.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>Gets the id of the staff member.</summary>
    public string ChangedBy { get; }
}

namespace Cinnox.Chatbot.Rooms;

// How an enquiry folds its own events and what its snapshots add (docs/chat-rooms.md#rooms-that-last).
public sealed partial class EnquiryRoom
{
    /// <inheritdoc />
    private protected override RoomEvent CreationEvent => _created;

    /// <inheritdoc />
    private protected override string Title => Enquiry.EnquiryId;

    /// <inheritdoc />
    private protected override void Apply(RoomEvent change)
    {
        switch (change)
        {
            case VisitorInformationChanged visitor: _visitorInformation = visitor.VisitorInformation; break;
            case EnquiryClassified classified:
                _labels = [.. _labels, .. classified.Labels];
                _topics = [.. _topics, .. classified.Topics];
                break;
            case EnquiryTransferred: _status = EnquiryStatus.WaitingForAgent; break;
            case EnquiryAccepted accepted:
                _status = EnquiryStatus.WithAgent;
                _agent = accepted.Agent;
                break;
            case EnquiryClosed: _status = EnquiryStatus.Closed; break;
            case ChatbotAssigned assigned: _chatbot = assigned.Bot; break;
            default: base.Apply(change); break;
        }
    }

    /// <inheritdoc />
    private protected override RoomSnapshot AddToSnapshot(RoomSnapshot snapshot) => snapshot with
    {
        Status = _status,
        Agent = _agent,
        Chatbot = _chatbot,
        Labels = _labels,
        Topics = _topics,
        VisitorInformation = _visitorInformation,
    };

    /// <inheritdoc />
    private protected override void LoadFromSnapshot(RoomSnapshot snapshot)
    {
        _status = snapshot.Status ?? _status;
        _agent = snapshot.Agent;
        _chatbot = snapshot.Chatbot;
        _labels = snapshot.Labels ?? [];
        _topics = snapshot.Topics ?? [];
        _visitorInformation = snapshot.VisitorInformation ?? _visitorInformation;
    }
}

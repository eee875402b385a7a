namespace Cinnox.Chatbot.Rooms;

// The enquiry's lifecycle: transfer to an agent, acceptance and closing.
public sealed partial class EnquiryRoom
{
    /// <summary>
    /// Transfers the enquiry from its chatbot to live agents: it waits for one to take it
    /// (<see cref="EnquiryStatus.WaitingForAgent"/>). The platform bot posts a system message saying so.
    /// </summary>
    /// <param name="reason">Why, shown in the system message; <see langword="null"/> for a default sentence.</param>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.EnquiryStatusConflict"/> (no chatbot handles the enquiry now), <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public void TransferToAgent(string? reason = null)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? "The enquiry was transferred to a live agent." : reason;
        lock (Gate)
        {
            RequireOpen("transferred");
            if (_status != EnquiryStatus.WithChatbot)
            {
                throw Rule(ChatRoomRule.EnquiryStatusConflict,
                    $"Enquiry {Enquiry.EnquiryId} is {Describe(_status)}; only an enquiry a chatbot handles can be transferred to a live agent.");
            }

            var previous = _status;
            Record(new EnquiryTransferred { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), Reason = text });
            Enqueue((version, at) => new EnquiryTransferredEventArgs(this, version, at, previous, EnquiryStatus.WaitingForAgent, text));
        }

        DeliverEvents();
        PostSystemMessage(new SystemMessageContent(SystemMessageKind.EnquiryTransferred, text));
    }

    /// <summary>
    /// A staff member takes the enquiry (<see cref="EnquiryStatus.WithAgent"/>): they join the room if they are not
    /// in it, the room enters their Recent Connections, and the platform bot posts a system message. The
    /// conversation so far counts as unread for them until they read it.
    /// </summary>
    /// <param name="agent">The staff member.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.EnquiryStatusConflict"/> (another agent handles it),
    /// <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public void Accept(RoomMember agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (Gate)
        {
            RequireOpen("taken");
            if (!agent.IsStaff)
            {
                throw Rule(ChatRoomRule.MemberKindNotAllowed, $"{agent.DisplayName} is not a staff member; only staff members handle enquiries.", memberId: agent.Id);
            }

            if (_status == EnquiryStatus.WithAgent)
            {
                throw Rule(ChatRoomRule.EnquiryStatusConflict, $"Enquiry {Enquiry.EnquiryId} is already handled by {_agent!.DisplayName}.", memberId: agent.Id);
            }

            if (IsMemberCore(agent.Id))
            {
                ConnectCore(agent.Id);
            }
            else
            {
                AddMemberCore(agent, connect: true, historyRead: false);
            }

            var previous = _status;
            Record(new EnquiryAccepted { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = agent.Id, Agent = agent });
            Enqueue((version, at) => new EnquiryAcceptedEventArgs(this, version, at, previous, EnquiryStatus.WithAgent, agent));
        }

        DeliverEvents();
        PostSystemMessage(new SystemMessageContent(SystemMessageKind.AgentJoined, $"{agent.DisplayName} joined the enquiry.") { ActorId = agent.Id });
    }

    /// <summary>Closes the enquiry. The platform bot posts a system message; nothing more can be posted after it.</summary>
    /// <param name="closedById">Who closes it: a member of the room, or <see cref="RoomMember.PlatformBotId"/>.</param>
    /// <param name="reason">Why, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="closedById"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.EnquiryClosed"/> (already closed), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Close(string closedById, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(closedById);
        RoomMember closedBy;
        lock (Gate)
        {
            RequireOpen("closed again");
            closedBy = closedById == RoomMember.PlatformBotId ? RoomMember.PlatformBot : RequireRoomMember(closedById);
            var previous = _status;
            Record(new EnquiryClosed { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = closedBy.Id, ClosedBy = closedBy, Reason = reason });
            Enqueue((version, at) => new EnquiryClosedEventArgs(this, version, at, previous, EnquiryStatus.Closed, closedBy, reason));
        }

        DeliverEvents();
        PostSystemMessage(new SystemMessageContent(
            SystemMessageKind.EnquiryClosed,
            reason is null ? $"{closedBy.DisplayName} closed the enquiry." : $"{closedBy.DisplayName} closed the enquiry: {reason}")
        {
            ActorId = closedBy.Id,
        });
    }

    private static string Describe(EnquiryStatus status) => status switch
    {
        EnquiryStatus.WithChatbot => "handled by a chatbot",
        EnquiryStatus.WaitingForAgent => "waiting for an agent",
        EnquiryStatus.WithAgent => "handled by an agent",
        _ => "closed",
    };

    private void RequireOpen(string what)
    {
        if (_status == EnquiryStatus.Closed)
        {
            throw Rule(ChatRoomRule.EnquiryClosed, $"Enquiry {Enquiry.EnquiryId} is closed and cannot be {what}.");
        }
    }
}

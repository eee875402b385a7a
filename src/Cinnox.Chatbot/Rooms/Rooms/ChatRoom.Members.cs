namespace Cinnox.Chatbot.Rooms;

// Joining, leaving and handling the room: the member changes derived rooms make under their own rules.
public abstract partial class ChatRoom
{
    /// <summary>Adds a member: records <see cref="MemberJoined"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="member">The member.</param>
    /// <param name="connect">Whether the room enters the member's Recent Connections now (they handle it).</param>
    /// <param name="historyRead">Whether the messages already in the room count as read by the newcomer.</param>
    /// <param name="actorId">Who added them, if not themselves.</param>
    private protected void AddMemberCore(RoomMember member, bool connect, bool historyRead, string? actorId = null)
    {
        if (FindState(member.Id) is not null)
        {
            throw Rule(ChatRoomRule.AlreadyAMember, $"{member.DisplayName} ({member.Id}) is already in room {Id}.", memberId: member.Id);
        }

        Record(new MemberJoined
        {
            RoomId = Id, Sequence = _version + 1, OccurredAt = Clock.GetUtcNow(), ActorId = actorId ?? member.Id, Member = member, Connected = connect, ReadSequence = historyRead ? _messages.Count : 0,
        });
        Enqueue((version, at) => new MemberJoinedEventArgs(this, version, at, member));
    }

    /// <summary>Determines whether someone is a member. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns><see langword="true"/> when they are a member.</returns>
    private protected bool IsMemberCore(string memberId) => FindState(memberId) is not null;

    /// <summary>Removes a member: records <see cref="MemberLeft"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The member removed.</returns>
    private protected RoomMember RemoveMemberCore(string memberId)
    {
        var member = RequireMember(memberId).Member;
        Record(new MemberLeft { RoomId = Id, Sequence = _version + 1, OccurredAt = Clock.GetUtcNow(), ActorId = memberId, MemberId = memberId });
        Enqueue((version, at) => new MemberLeftEventArgs(this, version, at, member));
        return member;
    }

    /// <summary>Marks the room as handled by a member now, so it enters their Recent Connections: records <see cref="MemberConnected"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member.</param>
    private protected void ConnectCore(string memberId)
    {
        RequireMember(memberId);
        Record(new MemberConnected { RoomId = Id, Sequence = _version + 1, OccurredAt = Clock.GetUtcNow(), ActorId = memberId, MemberId = memberId });
    }

    /// <summary>Gets a member or throws <see cref="ChatRoomRule.NotAMember"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The member.</returns>
    private protected RoomMember RequireRoomMember(string memberId) => RequireMember(memberId).Member;
}

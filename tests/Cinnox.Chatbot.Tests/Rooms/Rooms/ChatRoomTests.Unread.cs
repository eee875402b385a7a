using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    [Fact]
    public void UnreadCount_CountsOthersMessagesAfterReadPosition()
    {
        var room = Space(_clock, Bob);
        room.PostText(Alice.Id, "one");
        room.PostText(Bob.Id, "mine");
        room.PostText(Alice.Id, "two");

        room.GetUnreadCount(Bob.Id).Should().Be(2);
        room.GetUnreadCount(Alice.Id).Should().Be(1);
        room.GetUnreadCount(Carol.Id).Should().Be(0);
    }

    [Fact]
    public void UnreadCount_AfterRecall_RecalledMessageNoLongerCounts()
    {
        var room = Space(_clock, Bob);
        room.PostText(Alice.Id, "one");
        var two = room.PostText(Alice.Id, "two").Message;

        room.Recall(Alice.Id, two.Id);

        room.GetUnreadCount(Bob.Id).Should().Be(1);
    }

    [Fact]
    public void MarkRead_ClearsUnreadAndOnlyMovesForward()
    {
        var room = Space(_clock, Bob);
        var one = room.PostText(Alice.Id, "one").Message;
        var two = room.PostText(Alice.Id, "two").Message;
        var events = Record(room);

        room.MarkReadUpTo(Bob.Id, two.Id).Should().BeTrue();
        room.MarkReadUpTo(Bob.Id, one.Id).Should().BeFalse("a read position never moves back");
        room.MarkRead(Bob.Id).Should().BeFalse("everything is already read");

        room.GetReadPosition(Bob.Id).Should().Be(two.Sequence);
        room.GetUnreadCount(Bob.Id).Should().Be(0);
        var moved = events.Should().ContainSingle().Which.Should().BeOfType<ReadPositionMovedEventArgs>().Which;
        (moved.MemberId, moved.PreviousSequence, moved.Sequence, moved.UnreadCount).Should().Be((Bob.Id, 0L, two.Sequence, 0));
    }

    [Fact]
    public void MarkReadUpTo_MiddleMessage_LaterOnesStayUnread()
    {
        var room = Space(_clock, Bob);
        var one = room.PostText(Alice.Id, "one").Message;
        room.PostText(Alice.Id, "two");
        room.PostText(Alice.Id, "three");

        room.MarkReadUpTo(Bob.Id, one.Id);

        room.GetUnreadCount(Bob.Id).Should().Be(2);
    }

    [Fact]
    public void UnreadCount_RecallAfterRead_DoesNotGoNegative()
    {
        var room = Space(_clock, Bob);
        var one = room.PostText(Alice.Id, "one").Message;
        room.MarkRead(Bob.Id);

        room.Recall(Alice.Id, one.Id);
        room.PostText(Alice.Id, "two");

        room.GetUnreadCount(Bob.Id).Should().Be(1);
    }

    [Fact]
    public void SpaceNewcomer_HistoryCountsAsRead()
    {
        var room = Space(_clock, Bob);
        room.PostText(Alice.Id, "before Carol");

        room.AddMember(Alice.Id, Carol);
        room.PostText(Alice.Id, "after Carol");

        room.GetUnreadCount(Carol.Id).Should().Be(1);
    }

    [Fact]
    public void EnquiryAgent_ConversationSoFarIsUnread()
    {
        var room = Enquiry(_clock);
        room.PostText(room.Visitor.Id, "Hello?");

        room.Accept(Bob);

        // The opening message and the visitor's message; the "joined" notice reports Bob's own action.
        room.GetUnreadCount(Bob.Id).Should().Be(2);
    }

    [Fact]
    public void SystemMessageOfOwnAction_NeitherUnreadNorNotified()
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);
        room.MarkRead(Bob.Id);

        room.Close(Bob.Id, "resolved");

        var closed = room.Messages[^1];
        ((SystemMessageContent)closed.Content).ActorId.Should().Be(Bob.Id);
        room.GetUnreadCount(Bob.Id).Should().Be(0);
        room.GetNotificationDecision(Bob.Id, closed).Reason.Should().Be(NotificationReason.OwnMessage);
        room.GetUnreadCount(room.Visitor.Id).Should().BeGreaterThan(0);
    }
}

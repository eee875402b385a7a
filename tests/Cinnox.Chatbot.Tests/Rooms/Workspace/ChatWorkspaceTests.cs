using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class ChatWorkspaceTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ChatWorkspace _workspace = new();

    [Fact]
    public void RecentConnections_EmptyUntilMemberHandlesEnquiryOrChatStarts()
    {
        var direct = _workspace.Add(new DirectRoom("direct-1", Alice, Bob, _clock));
        var enquiry = _workspace.Add(Enquiry(_clock));

        _workspace.GetRecentConnections(Bob.Id).Should().BeEmpty();

        direct.PostText(Alice.Id, "Hi Bob");
        _workspace.GetRecentConnections(Bob.Id).Select(connection => connection.Room).Should().Equal(direct);

        _clock.Advance(TimeSpan.FromMinutes(1));
        enquiry.Accept(Bob);
        _workspace.GetRecentConnections(Bob.Id).Select(connection => connection.Room).Should().Equal(enquiry, direct);
        _workspace.GetRecentConnections(Alice.Id).Select(connection => connection.Room).Should().Equal(direct);
    }

    [Fact]
    public void RecentConnections_MostRecentActivityFirst()
    {
        var first = _workspace.Add(new DirectRoom("direct-1", Alice, Bob, _clock));
        var second = _workspace.Add(new DirectRoom("direct-2", Alice, Carol, _clock));
        first.PostText(Alice.Id, "1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        second.PostText(Alice.Id, "2");

        _workspace.GetRecentConnections(Alice.Id).Select(connection => connection.Room.Id).Should().Equal("direct-2", "direct-1");

        _clock.Advance(TimeSpan.FromSeconds(1));
        first.PostText(Bob.Id, "3");

        var connections = _workspace.GetRecentConnections(Alice.Id);
        connections.Select(connection => connection.Room.Id).Should().Equal("direct-1", "direct-2");
        connections[0].LastActivityAt.Should().Be(_clock.GetUtcNow());
    }

    [Fact]
    public void UnreadRoomCount_CountsRoomsWithUnreadIncludingMuted()
    {
        var direct = _workspace.Add(new DirectRoom("direct-1", Alice, Bob, _clock));
        var space = _workspace.Add(Space(_clock, Bob));
        direct.PostText(Alice.Id, "Hi");
        space.PostText(Alice.Id, "Team");
        space.Mute(Bob.Id);

        _workspace.GetUnreadRoomCount(Bob.Id).Should().Be(2);
        _workspace.GetRecentConnections(Bob.Id).Should().Contain(connection => connection.Room == space && connection.IsMuted && connection.HasUnread);

        space.MarkRead(Bob.Id);
        _workspace.GetUnreadRoomCount(Bob.Id).Should().Be(1);

        direct.MarkRead(Bob.Id);
        _workspace.GetUnreadRoomCount(Bob.Id).Should().Be(0);
    }

    [Fact]
    public void UnreadRoomCount_AfterRecallOfOnlyUnreadMessage_RoomDropsOut()
    {
        var direct = _workspace.Add(new DirectRoom("direct-1", Alice, Bob, _clock));
        var message = direct.PostText(Alice.Id, "Sent to the wrong person").Message;
        _workspace.GetUnreadRoomCount(Bob.Id).Should().Be(1);

        direct.Recall(Alice.Id, message.Id);

        _workspace.GetUnreadRoomCount(Bob.Id).Should().Be(0);
        _workspace.GetRecentConnections(Bob.Id).Should().ContainSingle().Which.UnreadCount.Should().Be(0);
    }

    [Fact]
    public void RoomChanged_RelaysEveryRoomUntilRemoved()
    {
        var direct = _workspace.Add(new DirectRoom("direct-1", Alice, Bob, _clock));
        var seen = new List<(object? Sender, ChatRoomEventArgs Change)>();
        _workspace.RoomChanged += (sender, change) => seen.Add((sender, change));

        direct.PostText(Alice.Id, "Hi");
        _workspace.Remove(direct.Id).Should().BeTrue();
        direct.PostText(Alice.Id, "Unheard");

        seen.Should().ContainSingle();
        seen[0].Sender.Should().BeSameAs(direct);
        _workspace.FindRoom(direct.Id).Should().BeNull();
    }

    [Fact]
    public void Add_DuplicateRoomId_Refused()
    {
        _workspace.Add(new DirectRoom("direct-1", Alice, Bob, _clock));

        FluentActions.Invoking(() => _workspace.Add(new DirectRoom("direct-1", Alice, Carol, _clock))).Should().Throw<ArgumentException>()
            .WithMessage("*direct-1*");
    }

    [Fact]
    public void UnreadRoomCount_SystemMessageInASpace_CountsInTheBadgeAsInTheRoom()
    {
        var workspace = new ChatWorkspace();
        var space = workspace.Add(new SpaceRoom("quiet", "Quiet", RoomTestData.Alice, timeProvider: new FakeTimeProvider()));
        space.AddMember(RoomTestData.Alice.Id, RoomTestData.Bob);

        space.PostSystemMessage("The Space was set up.");

        space.GetUnreadCount(RoomTestData.Bob.Id).Should().Be(1);
        workspace.GetUnreadRoomCount(RoomTestData.Bob.Id).Should().Be(1);
    }
}

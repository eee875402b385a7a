using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void MessageIds_TwoInstancesOfOneRoom_NeverCollide()
    {
        var first = new SpaceRoom("space-42", "Team", Alice, timeProvider: _clock);
        var second = new SpaceRoom("space-42", "Team", Alice, timeProvider: _clock);

        var a = first.PostText(Alice.Id, "hi").Message;
        var b = second.PostText(Alice.Id, "hi").Message;

        a.Sequence.Should().Be(b.Sequence);
        a.Id.Should().NotBe(b.Id, "ids are unique across rooms, processes and restarts");
    }

    [Fact]
    public void Creation_IsEventOne_AndIsKeptForTheStore()
    {
        var room = new SpaceRoom("space-42", "Team", Alice, timeProvider: _clock);

        room.Version.Should().Be(2, "the Space was created (1), then its creator joined (2)");
        room.TakePendingEvents().Select(change => (change.Sequence, change.GetType().Name)).Should().Equal((1L, "SpaceCreated"), (2L, "MemberJoined"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void HandlerStallTimeout_NotPositive_Refused(int milliseconds)
    {
        var room = new SpaceRoom("space-42", "Team", Alice, timeProvider: _clock);

        FluentActions.Invoking(() => room.HandlerStallTimeout = TimeSpan.FromMilliseconds(milliseconds))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(ChatRoom.HandlerStallTimeout));
        room.HandlerStallTimeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void HandlerStallTimeout_Infinite_Accepted()
    {
        var room = new SpaceRoom("space-42", "Team", Alice, timeProvider: _clock);

        room.HandlerStallTimeout = Timeout.InfiniteTimeSpan;

        room.HandlerStallTimeout.Should().Be(Timeout.InfiniteTimeSpan);
    }
}

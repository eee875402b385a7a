using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class RoomEventTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Changed_EveryChangeRaisedOnceWithConsecutiveVersions()
    {
        var room = Space(_clock, Bob);
        var start = room.Version;
        var events = Record(room);

        var message = room.PostText(Alice.Id, "one").Message;
        room.Edit(Alice.Id, message.Id, "one!");
        room.MarkRead(Bob.Id);
        room.Recall(Alice.Id, message.Id);

        events.Select(change => change.GetType()).Should().Equal(
            typeof(MessagePostedEventArgs), typeof(MessageEditedEventArgs), typeof(ReadPositionMovedEventArgs), typeof(MessageRecalledEventArgs));
        events.Select(change => change.Version).Should().Equal(start + 1, start + 2, start + 3, start + 4);
        events.Should().OnlyContain(change => change.Room == room && change.OccurredAt == _clock.GetUtcNow());
        room.Version.Should().Be(start + 4);
    }

    [Fact]
    public void Changed_RefusedChange_RaisesNothing()
    {
        var room = Space(_clock, Bob);
        var events = Record(room);

        FluentActions.Invoking(() => room.PostText(Carol.Id, "hi")).Should().Throw<ChatRoomRuleException>();

        events.Should().BeEmpty();
    }

    [Fact]
    public void Changed_HandlerThatChangesTheRoom_SeesItsChangeAfterItReturns()
    {
        var room = Space(_clock, Bob);
        var order = new List<string>();
        room.Changed += (_, change) =>
        {
            order.Add($"{change.Version}:{change.GetType().Name}");
            if (change is MessagePostedEventArgs { Message.Sender.Id: "alice" })
            {
                room.PostText(Bob.Id, "auto-reply");
                order.Add("handler returned");
            }
        };

        room.PostText(Alice.Id, "ping");

        order.Should().Equal("4:MessagePostedEventArgs", "handler returned", "5:MessagePostedEventArgs");
    }

    [Fact]
    public void Changed_HandlerThrows_LoggedNeverFailsTheCommand()
    {
        var room = Space(_clock, Bob);
        var logger = new FakeLogger();
        room.Logger = logger;
        var heard = 0;
        room.Changed += (_, _) => throw new InvalidOperationException("handler bug");
        room.Changed += (_, _) => heard++;

        var first = room.PostText(Alice.Id, "one");
        var second = room.PostText(Alice.Id, "two");

        room.Messages.Select(message => message.Id).Should().Equal(first.Message.Id, second.Message.Id);
        heard.Should().Be(2, "the other handlers still hear every change");
        logger.Collector.GetSnapshot().Should().HaveCount(2).And.OnlyContain(entry => entry.Level == LogLevel.Error && entry.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Changed_ConcurrentPosters_EveryEventDeliveredOnceInVersionOrder()
    {
        var room = Space(_clock, Bob, Carol);
        var versions = new List<long>();
        var concurrent = 0;
        var overlapped = false;
        room.Changed += (_, change) =>
        {
            if (Interlocked.Increment(ref concurrent) > 1)
            {
                overlapped = true;
            }

            versions.Add(change.Version);
            Interlocked.Decrement(ref concurrent);
        };
        var start = room.Version;

        await Task.WhenAll(new[] { Alice, Bob, Carol }.Select(member => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                room.PostText(member.Id, $"{member.Id} {i}");
            }
        })));

        overlapped.Should().BeFalse("events are raised one at a time");
        versions.Should().Equal(Enumerable.Range(1, 600).Select(i => start + i));
        room.Messages.Select(message => message.Sequence).Should().Equal(Enumerable.Range(1, 600).Select(i => (long)i));
        room.GetUnreadCount(Alice.Id).Should().Be(400);
    }

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
}

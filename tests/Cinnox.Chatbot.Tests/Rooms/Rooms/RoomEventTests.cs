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

        order.Should().Equal("3:MessagePostedEventArgs", "handler returned", "4:MessagePostedEventArgs");
    }

    [Fact]
    public void Changed_HandlerThrows_OthersStillHearAndExceptionSurfaces()
    {
        var room = Space(_clock, Bob);
        var heard = 0;
        room.Changed += (_, _) => throw new InvalidOperationException("handler bug");
        room.Changed += (_, _) => heard++;

        FluentActions.Invoking(() => room.PostText(Alice.Id, "one")).Should().Throw<InvalidOperationException>().WithMessage("handler bug");
        room.MessageCount.Should().Be(1, "the change happened before the handlers ran");
        heard.Should().Be(1);

        FluentActions.Invoking(() => room.PostText(Alice.Id, "two")).Should().Throw<InvalidOperationException>();
        room.MessageCount.Should().Be(2);
        heard.Should().Be(2);
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
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class RoomEventQueueTests
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
    public async Task Changed_ManyThreadsSlowHandler_EachCallDeliversOnlyItsOwnEventsBeforeItReturns()
    {
        const int Threads = 8;
        const int PostsPerThread = 20;
        var room = Space(_clock, Bob, Carol);
        room.HandlerStallTimeout = Timeout.InfiniteTimeSpan; // A slow handler is never taken for a stalled one here.
        var start = room.Version;
        var delivered = new List<(long Version, string MessageId, int Thread)>();
        var concurrent = 0;
        var overlapped = false;
        room.Changed += (_, change) =>
        {
            if (Interlocked.Increment(ref concurrent) > 1)
            {
                overlapped = true;
            }

            Thread.Sleep(1);
            lock (delivered)
            {
                delivered.Add((change.Version, ((MessagePostedEventArgs)change).Delivery.Message.Id, Environment.CurrentManagedThreadId));
            }

            Interlocked.Decrement(ref concurrent);
        };
        var posted = new List<(string MessageId, int Thread, bool HeardBeforeReturn)>();
        using var ready = new Barrier(Threads);

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            var sender = new[] { Alice, Bob, Carol }[t % 3];
            ready.SignalAndWait();
            for (var i = 0; i < PostsPerThread; i++)
            {
                var id = room.PostText(sender.Id, $"{t}/{i}").Message.Id;
                bool heard;
                lock (delivered)
                {
                    heard = delivered.Exists(entry => entry.MessageId == id);
                }

                lock (posted)
                {
                    posted.Add((id, Environment.CurrentManagedThreadId, heard));
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        overlapped.Should().BeFalse("events are raised one at a time");
        delivered.Select(entry => entry.Version).Should().Equal(Enumerable.Range(1, Threads * PostsPerThread).Select(i => start + i), "every event is delivered once, in room order");
        posted.Should().OnlyContain(post => post.HeardBeforeReturn, "a call returns only after its own events were delivered");
        var committedOn = posted.ToDictionary(post => post.MessageId, post => post.Thread);
        delivered.Should().OnlyContain(entry => committedOn[entry.MessageId] == entry.Thread, "each call delivers its own events and no one else's");
        posted.Select(post => post.Thread).Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void Changed_HandlerPostsToTheSameRoom_EventsInRoomOrderOnTheCallersThread()
    {
        var room = Space(_clock, Bob);
        var start = room.Version;
        var heard = new List<(long Version, int Thread)>();
        var second = new List<long>();
        room.Changed += (_, change) =>
        {
            heard.Add((change.Version, Environment.CurrentManagedThreadId));
            if (change is MessagePostedEventArgs { Delivery.Message.Sender.Id: "alice" } posted && posted.Delivery.Message.Sequence < 4)
            {
                room.PostText(Bob.Id, "auto-reply");
                room.PostText(Alice.Id, "again");
            }
        };
        room.Changed += (_, change) => second.Add(change.Version);

        room.PostText(Alice.Id, "ping");

        var all = Enumerable.Range(1, 5).Select(i => start + i).ToArray();
        heard.Select(entry => entry.Version).Should().Equal(all);
        second.Should().Equal(all, "the handlers after a reentrant one still hear every change in order");
        heard.Should().OnlyContain(entry => entry.Thread == Environment.CurrentManagedThreadId);
        room.Messages.Select(message => message.Content.ToPlainText()).Should().Equal("ping", "auto-reply", "again", "auto-reply", "again");
    }

    [Fact]
    public async Task Changed_HandlerThrowsUnderConcurrentPosts_NoCallFailsAndOthersHearEverything()
    {
        var room = Space(_clock, Bob);
        var logger = new FakeLogger();
        room.Logger = logger;
        var heard = 0;
        room.Changed += (_, _) => throw new InvalidOperationException("handler bug");
        room.Changed += (_, _) => Interlocked.Increment(ref heard);

        await Task.WhenAll(new[] { Alice, Bob }.Select(member => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                room.PostText(member.Id, $"{member.Id} {i}");
            }
        })));

        room.MessageCount.Should().Be(100);
        heard.Should().Be(100);
        logger.Collector.Count.Should().Be(100);
    }

    [Fact]
    public async Task Changed_HandlerWaitsOnAnotherThreadThatPostsToTheRoom_NeitherHangs()
    {
        var room = Space(_clock, Bob);
        room.HandlerStallTimeout = TimeSpan.FromMilliseconds(100);
        var start = room.Version;
        var recorded = new List<long>();
        var blocking = new List<long>();
        room.Changed += (_, change) =>
        {
            lock (blocking)
            {
                blocking.Add(change.Version);
            }

            if (change is MessagePostedEventArgs { Delivery.Message.Sender.Id: "alice" })
            {
                // Blocks this change's delivery until another thread's change to the same room was delivered.
                Task.Run(() => room.PostText(Bob.Id, "from another thread")).Wait();
            }
        };
        room.Changed += (_, change) =>
        {
            lock (recorded)
            {
                recorded.Add(change.Version);
            }
        };

        var post = Task.Run(() => room.PostText(Alice.Id, "ping"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var finished = await Task.WhenAny(post, Task.Delay(Timeout.Infinite, limit.Token));

        finished.Should().BeSameAs(post, "a handler waiting on another thread's change to its room must not hang either thread");
        await post;
        recorded.Should().Equal(start + 1, start + 2);
        blocking.Should().BeEquivalentTo([start + 1, start + 2]);
        room.Messages.Select(message => message.Content.ToPlainText()).Should().Equal("ping", "from another thread");
    }
}

using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>The change feed: a node sees every event other nodes commit, in order, and catches up after its connections are cut.</summary>
public sealed class ChangeFeedTests : SchemaScope
{
    private static readonly RoomMember Alice = RoomMember.Staff("alice", "Alice");

    [Fact]
    public async Task Subscribe_EventsAnotherNodeCommits_ArriveInRoomOrder()
    {
        var writer = await OpenNodeAsync();
        var reader = await OpenNodeAsync();
        await using var repository = new RoomRepository(writer, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<long>();
        var reading = CollectAsync(reader, "s", 0, 21, seen, cancellation.Token);

        for (var i = 0; i < 20; i++)
        {
            await repository.ExecuteAsync("s", room => room.PostText(Alice.Id, $"m{i}"));
        }

        await reading;
        seen.Should().Equal(Enumerable.Range(1, 21).Select(i => (long)i));
    }

    [Fact]
    public async Task Subscribe_ConnectionsCutMidStream_CatchesUpFromTheLastSequenceWithoutSkipping()
    {
        var writer = await OpenNodeAsync();
        var reader = await OpenNodeAsync(options =>
        {
            options.ConnectionString += ";Application Name=feed-reader-" + Schema;
            options.FeedReconnectDelay = TimeSpan.FromMilliseconds(200);
        });
        await using var repository = new RoomRepository(writer, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<long>();
        var reading = CollectAsync(reader, "s", 0, 31, seen, cancellation.Token);
        for (var i = 0; i < 10; i++)
        {
            await repository.ExecuteAsync("s", room => room.PostText(Alice.Id, $"before {i}"));
        }

        await WaitUntilAsync(() => Count(seen) >= 11 && reader.Listener.ProcessId != 0, cancellation.Token);
        await PostgreSqlServer.TerminateApplicationAsync("feed-reader-" + Schema);
        for (var i = 0; i < 20; i++)
        {
            await repository.ExecuteAsync("s", room => room.PostText(Alice.Id, $"after {i}"));
        }

        await reading;
        seen.Should().Equal(Enumerable.Range(1, 31).Select(i => (long)i), "every event arrives once, in order, across the cut");
        reader.Listener.Connections.Should().BeGreaterThanOrEqualTo(2, "the listener reconnected");
    }

    [Fact]
    public async Task Subscribe_FromALaterSequence_StartsAfterIt()
    {
        var node = await OpenNodeAsync();
        await using var repository = new RoomRepository(node, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        for (var i = 0; i < 5; i++)
        {
            await repository.ExecuteAsync("s", room => room.PostText(Alice.Id, $"m{i}"));
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<long>();
        await CollectAsync(node, "s", 4, 6, seen, cancellation.Token);

        seen.Should().Equal(5L, 6L);
    }

    private static Task CollectAsync(IRoomChangeFeed feed, string roomId, long after, long until, List<long> seen, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await foreach (var stored in feed.SubscribeAsync(roomId, after, cancellationToken))
        {
            lock (seen)
            {
                seen.Add(stored.Sequence);
            }

            if (stored.Sequence == until)
            {
                return;
            }
        }
    }, cancellationToken);

    private static int Count(List<long> seen)
    {
        lock (seen)
        {
            return seen.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}

namespace Cinnox.Chatbot.Rooms.Storage.Tests;

public class RoomFeedFollowerTests
{
    [Fact]
    public async Task FollowAsync_CommitAfterCaughtUp_YieldsEachEventOnceInOrder()
    {
        var events = new List<SerializedRoomEvent>();
        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        Task TakeWakeUp()
        {
            lock (gate)
            {
                return wake.Task;
            }
        }

        void Commit(long sequence)
        {
            TaskCompletionSource woken;
            lock (gate)
            {
                events.Add(Event(sequence));
                woken = wake;
                wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            woken.SetResult();
        }

        ValueTask<IReadOnlyList<SerializedRoomEvent>> ReadPage(long after, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return ValueTask.FromResult<IReadOnlyList<SerializedRoomEvent>>([.. events.Where(e => e.Sequence > after).Take(2)]);
            }
        }

        Commit(1);
        Commit(2);
        Commit(3);
        using var cancellation = new CancellationTokenSource();
        var seen = new List<long>();
        await using var feed = RoomFeedFollower.FollowAsync(1, 2, ReadPage, TakeWakeUp, pollInterval: null, TimeProvider.System, cancellation.Token).GetAsyncEnumerator();

        (await feed.MoveNextAsync()).Should().BeTrue();
        seen.Add(feed.Current.Sequence);
        (await feed.MoveNextAsync()).Should().BeTrue();
        seen.Add(feed.Current.Sequence);
        var next = feed.MoveNextAsync();
        Commit(4);
        (await next).Should().BeTrue();
        seen.Add(feed.Current.Sequence);

        seen.Should().Equal([2, 3, 4], "events after the subscriber's sequence come once each, a later commit wakes the feed");
        cancellation.Cancel();
        var ended = async () => await feed.MoveNextAsync();
        await ended.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void FollowAsync_ZeroPollInterval_ThrowsNamingIt()
    {
        var follow = () => RoomFeedFollower.FollowAsync(0, 10, (_, _) => ValueTask.FromResult<IReadOnlyList<SerializedRoomEvent>>([]), () => Task.CompletedTask, TimeSpan.Zero, TimeProvider.System);

        follow.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pollInterval");
    }

    [Fact]
    public void FollowAsync_ZeroPageSize_ThrowsNamingIt()
    {
        var follow = () => RoomFeedFollower.FollowAsync(0, 0, (_, _) => ValueTask.FromResult<IReadOnlyList<SerializedRoomEvent>>([]), () => Task.CompletedTask, null, TimeProvider.System);

        follow.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pageSize");
    }

    private static SerializedRoomEvent Event(long sequence) =>
        new("room-1", sequence, DateTimeOffset.UnixEpoch, "MessagePosted", 1, "{}"u8.ToArray());
}

using System.Globalization;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// The room-store harness: posts per second and p50/p99 latency of a post for 1, 4 and 16 concurrent writers into one
/// room and into 100 rooms, for each store; then the change feed's delay from a commit on one node to another node's
/// subscriber, at p50 and p99. Each writer is a node of its own (its own repository, and for the databases its own
/// connections), so writers into one room meet version conflicts and re-run, as nodes would.
/// </summary>
/// <remarks>Wall-clock time is read here only, to report; the library reads time from the <see cref="TimeProvider"/> it is given.</remarks>
public static class RoomStoreLoadRun
{
    private static readonly int[] WriterCounts = [1, 4, 16];
    private static readonly int[] RoomCounts = [1, 100];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the harness and prints its report.</summary>
    /// <param name="posts">Posts per case, shared among the writers.</param>
    /// <param name="feedPosts">Posts whose feed delay is measured.</param>
    /// <returns>0 when every post landed once, 1 otherwise.</returns>
    public static async Task<int> RunAsync(int posts = 1_600, int feedPosts = 400)
    {
        var status = 0;
        Console.WriteLine(string.Create(Invariant, $"Room stores: {posts} posts per case, each writer a node of its own. PostgreSQL runs when {RoomStores.PostgreSqlVariable} is set."));
        Console.WriteLine("| store | writers | rooms | posts/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var kind in RoomStores.Kinds)
        {
            foreach (var writers in WriterCounts)
            {
                foreach (var rooms in RoomCounts)
                {
                    status |= await RunCaseAsync(kind, writers, rooms, posts).ConfigureAwait(false);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| store | feed delay p50 ms | p99 ms | events |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var kind in RoomStores.Kinds)
        {
            await RunFeedAsync(kind, feedPosts).ConfigureAwait(false);
        }

        return status;
    }

    private static async Task<int> RunCaseAsync(string kind, int writers, int rooms, int posts)
    {
        await using var stores = new RoomStores();
        var (store, openNode) = await stores.CreateAsync(kind).ConfigureAwait(false);
        await RoomStores.CreateRoomsAsync(store, rooms).ConfigureAwait(false);
        var nodes = new List<RoomRepository>();
        for (var w = 0; w < writers; w++)
        {
            nodes.Add(new RoomRepository(await openNode().ConfigureAwait(false), new RoomRepositoryOptions { MaxConflictRetries = 1_000 }));
        }

        // Warm up each node: connections, JIT, the room loaded.
        await Task.WhenAll(nodes.Select((node, w) => node.ExecuteAsync($"room-{w % rooms}", room => room.PostText("alice", "warm-up")))).ConfigureAwait(false);
        var latencies = new double[posts];
        var perWriter = posts / writers;
        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(nodes.Select((node, w) => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var roomId = $"room-{(w + (i * writers)) % rooms}";
                var text = string.Create(Invariant, $"{w}:{i}");
                var one = TimeProvider.System.GetTimestamp();
                await node.ExecuteAsync(roomId, room => room.PostText("alice", text)).ConfigureAwait(false);
                latencies[(w * perWriter) + i] = TimeProvider.System.GetElapsedTime(one).TotalMilliseconds;
            }
        }))).ConfigureAwait(false);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        foreach (var node in nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        var landed = 0;
        for (var r = 0; r < rooms; r++)
        {
            landed += (await store.ReadMessagesAsync($"room-{r}", 0, 100_000).ConfigureAwait(false)).Count;
        }

        var measured = latencies.AsSpan(0, perWriter * writers).ToArray();
        Array.Sort(measured);
        Console.WriteLine(string.Create(Invariant,
            $"| {kind} | {writers} | {rooms} | {measured.Length / elapsed.TotalSeconds:0} | {Percentile(measured, 0.50):0.00} | {Percentile(measured, 0.99):0.00} |"));
        var expected = measured.Length + writers;
        if (landed != expected)
        {
            Console.WriteLine(string.Create(Invariant, $"  LOST OR DUPLICATED: {landed} messages stored, {expected} posted"));
            return 1;
        }

        return 0;
    }

    // One node posts at a steady pace; another node's subscriber notes when each event arrives.
    private static async Task RunFeedAsync(string kind, int posts)
    {
        await using var stores = new RoomStores();
        var (store, openNode) = await stores.CreateAsync(kind).ConfigureAwait(false);
        await RoomStores.CreateRoomsAsync(store, 1).ConfigureAwait(false);
        var reader = await openNode().ConfigureAwait(false);
        if (reader is not IRoomChangeFeed feed)
        {
            Console.WriteLine($"| {kind} | no change feed | | |");
            return;
        }

        var committedAt = new Dictionary<long, long>();
        var delays = new List<double>();
        using var stop = new CancellationTokenSource();
        var subscriber = Task.Run(async () =>
        {
            try
            {
                await foreach (var stored in feed.SubscribeAsync("room-0", 1, stop.Token).ConfigureAwait(false))
                {
                    var now = TimeProvider.System.GetTimestamp();
                    lock (committedAt)
                    {
                        if (committedAt.TryGetValue(stored.Sequence, out var at))
                        {
                            delays.Add(Math.Max(0, TimeProvider.System.GetElapsedTime(at, now).TotalMilliseconds));
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await using (var writer = new RoomRepository(await openNode().ConfigureAwait(false)))
        {
            for (var i = 0; i < posts; i++)
            {
                // The moment the commit starts: the delay includes the commit itself, as a handler on another node sees it.
                // One writer posting in turn: post i is event i + 2 (the room's creation is event 1).
                lock (committedAt)
                {
                    committedAt[i + 2] = TimeProvider.System.GetTimestamp();
                }

                await writer.ExecuteAsync("room-0", room => room.PostText("alice", "m")).ConfigureAwait(false);

                await Task.Delay(2).ConfigureAwait(false);
            }
        }

        await Task.Delay(500).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await subscriber.ConfigureAwait(false);
        double[] sorted;
        lock (committedAt)
        {
            sorted = [.. delays.Order()];
        }

        Console.WriteLine(string.Create(Invariant, $"| {kind} | {Percentile(sorted, 0.50):0.00} | {Percentile(sorted, 0.99):0.00} | {sorted.Length} of {posts} |"));
    }

    private static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

using System.Diagnostics.Tracing;
using System.Globalization;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Counts what one reply costs in units that do not depend on how busy the machine is: bytes allocated, thread-pool
/// work items, lock contentions, timers still alive, collections, time paused for collections and CPU time (client and servers together), per reply, for the four end-to-end paths one after another and
/// for 500 at once. Run it with <c>dotnet run -c Release --project benchmarks/Cinnox.Chatbot.Benchmarks -- costs</c>;
/// <c>-- costs types</c> adds the types allocated most (sampled by the runtime about every 100 KB), and
/// <c>-- costs spin</c> sends 500 replies at once for 20 seconds, to run under <c>dotnet-trace</c>, and
/// <c>-- costs steady [seconds]</c> measures CPU time per reply in the steady state, alone and 500 at once.
/// </summary>
/// <remarks>
/// Wall times vary with the machine's load; these counts do not, and CPU time (the process's own, summed over its threads) much
/// less, so they show where a change helps even on a busy machine.
/// Allocations are counted for the whole process (client and both servers share it), as BenchmarkDotNet's
/// <c>Allocated</c> column does for the benchmark's thread plus the work it causes.
/// </remarks>
public static class CostProbe
{
    private const int AtOnce = 500;

    /// <summary>Runs the probe and prints one line per path.</summary>
    /// <param name="args">Nothing, <c>types</c> or <c>spin</c>.</param>
    /// <returns>0.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var bots = await LoopbackBots.StartAsync(deltas: 100).ConfigureAwait(false);
        var request = new ChatbotRequest("Tell me about the spring sale") { InquiryId = "ENQ-1" };
        var paths = new (string Name, Func<Task> Send)[]
        {
            ("RawKestrelAndHttpClient", () => bots.SendRawAsync()),
            ("SdkClientToRawBot", () => bots.SdkClientToRaw.SendAsync(request)),
            ("PlainClientToToolkit", () => bots.SendPlainAsync(bots.ToolkitUrl)),
            ("SdkClientAndToolkit", () => bots.SendWithSdkAsync()),
        };

        if (args is ["spin", ..])
        {
            var path = args.Length > 1 ? paths.Single(p => p.Name == args[1]) : paths[3];
            var until = TimeProvider.System.GetTimestamp() + (20 * TimeProvider.System.TimestampFrequency);
            var rounds = 0;
            while (TimeProvider.System.GetTimestamp() < until)
            {
                await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => path.Send())).ConfigureAwait(false);
                rounds++;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path.Name}: {rounds} rounds of {AtOnce} at once"));
            return 0;
        }

        if (args is ["steady", ..])
        {
            var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
            await SteadyAsync(paths, seconds).ConfigureAwait(false);
            return 0;
        }

        var replies = 2000;
        using var types = args is ["types", ..] ? new AllocationSampler() : null;
        Console.WriteLine("path                          replies  bytes/reply  work items/reply  lock contentions/reply  timers alive after  GCs/1000 replies  CPU µs/reply  GC pause µs/reply");
        foreach (var (name, send) in paths)
        {
            for (var i = 0; i < 200; i++)
            {
                await send().ConfigureAwait(false);
            }

            types?.Reset();
            Print(name, replies, await MeasureAsync(async () =>
            {
                for (var i = 0; i < replies; i++)
                {
                    await send().ConfigureAwait(false);
                }
            }).ConfigureAwait(false));
            types?.Print(replies);
        }

        foreach (var (name, send) in paths)
        {
            await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => send())).ConfigureAwait(false);
            types?.Reset();
            Print(name + " x500", AtOnce * 4, await MeasureAsync(async () =>
            {
                for (var round = 0; round < 4; round++)
                {
                    await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => send())).ConfigureAwait(false);
                }
            }).ConfigureAwait(false));
            types?.Print(AtOnce * 4);
        }

        return 0;
    }

    /// <summary>
    /// CPU time per reply in the steady state, each path alone (one reply after another) and 500 at once, the paths taking
    /// turns three times so that the machine's other work falls on all of them alike; the median of the three is printed.
    /// </summary>
    private static async Task SteadyAsync((string Name, Func<Task> Send)[] paths, int seconds)
    {
        var results = new Dictionary<string, List<(double Cpu, double Bytes, double Paused)>>();
        foreach (var (name, send) in paths)
        {
            // Warm up: every path's code reaches its final tier before anything is measured.
            var warmUntil = TimeProvider.System.GetTimestamp() + (2 * TimeProvider.System.TimestampFrequency);
            while (TimeProvider.System.GetTimestamp() < warmUntil)
            {
                await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => send())).ConfigureAwait(false);
                await send().ConfigureAwait(false);
            }
        }

        for (var turn = 0; turn < 3; turn++)
        {
            foreach (var (name, send) in paths)
            {
                foreach (var atOnce in new[] { 1, AtOnce })
                {
                    var key = atOnce == 1 ? name : name + " x500";
                    var replies = 0;
                    var cost = await MeasureAsync(async () =>
                    {
                        var until = TimeProvider.System.GetTimestamp() + (seconds * TimeProvider.System.TimestampFrequency);
                        while (TimeProvider.System.GetTimestamp() < until)
                        {
                            if (atOnce == 1)
                            {
                                await send().ConfigureAwait(false);
                            }
                            else
                            {
                                await Task.WhenAll(Enumerable.Range(0, atOnce).Select(_ => send())).ConfigureAwait(false);
                            }

                            replies += atOnce;
                        }
                    }).ConfigureAwait(false);
                    (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(
                        (cost.Cpu.TotalMicroseconds / replies, cost.Bytes / (double)replies, cost.Paused.TotalMicroseconds / replies));
                }
            }
        }

        Console.WriteLine("path                          CPU µs/reply  ratio  bytes/reply  GC pause µs/reply   (median of three turns)");
        foreach (var atOnce in new[] { string.Empty, " x500" })
        {
            var baseline = Median(results[paths[0].Name + atOnce], r => r.Cpu);
            foreach (var (name, _) in paths)
            {
                var runs = results[name + atOnce];
                var cpu = Median(runs, r => r.Cpu);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name + atOnce,-28}  {cpu,12:0.0}  {cpu / baseline,5:0.00}  {Median(runs, r => r.Bytes),11:0}  {Median(runs, r => r.Paused),17:0.0}"));
            }
        }

        static double Median<T>(List<T> runs, Func<T, double> value) => runs.Select(value).Order().ElementAt(runs.Count / 2);
    }

    private static async Task<(long Bytes, long WorkItems, long Contentions, long Timers, long Collections, TimeSpan Cpu, TimeSpan Paused)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var workItems = ThreadPool.CompletedWorkItemCount;
        var contentions = Monitor.LockContentionCount;
        var collections = GC.CollectionCount(0);
        await run().ConfigureAwait(false);
        process.Refresh();
        return (GC.GetTotalAllocatedBytes(precise: true) - bytes, ThreadPool.CompletedWorkItemCount - workItems,
            Monitor.LockContentionCount - contentions, Timer.ActiveCount, GC.CollectionCount(0) - collections, process.TotalProcessorTime - cpu,
            GC.GetTotalPauseDuration() - paused);
    }

    private static void Print(string name, int replies, (long Bytes, long WorkItems, long Contentions, long Timers, long Collections, TimeSpan Cpu, TimeSpan Paused) cost) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28}  {replies,7}  {cost.Bytes / (double)replies,11:0}  {cost.WorkItems / (double)replies,16:0.0}  {cost.Contentions / (double)replies,22:0.00}  {cost.Timers,18}  {1000.0 * cost.Collections / replies,16:0.0}  {cost.Cpu.TotalMicroseconds / replies,12:0.0}  {cost.Paused.TotalMicroseconds / replies,17:0.0}"));

    /// <summary>Listens to the runtime's allocation ticks (one about every 100 KB) and counts the types they name.</summary>
    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];

        public void Reset()
        {
            lock (_bytes)
            {
                _bytes.Clear();
            }
        }

        public void Print(int replies)
        {
            lock (_bytes)
            {
                var total = _bytes.Values.Sum();
                foreach (var (type, bytes) in _bytes.OrderByDescending(pair => pair.Value).Take(25))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {bytes / (double)replies,8:0} B/reply {100.0 * bytes / total,5:0.0} %  {type}"));
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
            {
                return;
            }

            var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
            var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            if (typeIndex < 0 || amountIndex < 0)
            {
                return;
            }

            var type = eventData.Payload![typeIndex] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[amountIndex], CultureInfo.InvariantCulture);
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}

using System.Diagnostics.Tracing;
using System.Globalization;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Counts what one reply costs in units that do not depend on how busy the machine is: bytes allocated, thread-pool
/// work items, lock contentions, timers still alive, collections and CPU time (client and servers together), per reply, for the four end-to-end paths one after another and
/// for 500 at once. Run it with <c>dotnet run -c Release --project benchmarks/Cinnox.Chatbot.Benchmarks -- costs</c>;
/// <c>-- costs types</c> adds the types allocated most (sampled by the runtime about every 100 KB), and
/// <c>-- costs spin</c> sends 500 replies at once for 20 seconds, to run under <c>dotnet-trace</c>.
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

        var replies = 2000;
        using var types = args is ["types", ..] ? new AllocationSampler() : null;
        Console.WriteLine("path                          replies  bytes/reply  work items/reply  lock contentions/reply  timers alive after  GCs/1000 replies  CPU µs/reply");
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

        foreach (var (name, send) in new[] { paths[0], paths[3] })
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

    private static async Task<(long Bytes, long WorkItems, long Contentions, long Timers, long Collections, TimeSpan Cpu)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var workItems = ThreadPool.CompletedWorkItemCount;
        var contentions = Monitor.LockContentionCount;
        var collections = GC.CollectionCount(0);
        await run().ConfigureAwait(false);
        process.Refresh();
        return (GC.GetTotalAllocatedBytes(precise: true) - bytes, ThreadPool.CompletedWorkItemCount - workItems,
            Monitor.LockContentionCount - contentions, Timer.ActiveCount, GC.CollectionCount(0) - collections, process.TotalProcessorTime - cpu);
    }

    private static void Print(string name, int replies, (long Bytes, long WorkItems, long Contentions, long Timers, long Collections, TimeSpan Cpu) cost) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28}  {replies,7}  {cost.Bytes / (double)replies,11:0}  {cost.WorkItems / (double)replies,16:0.0}  {cost.Contentions / (double)replies,22:0.00}  {cost.Timers,18}  {1000.0 * cost.Collections / replies,16:0.0}  {cost.Cpu.TotalMicroseconds / replies,12:0.0}"));

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

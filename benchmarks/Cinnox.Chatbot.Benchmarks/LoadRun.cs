using System.Diagnostics;
using System.Globalization;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// The load harness: 500 streamed replies at once over loopback, each of 100 deltas with a pause between them like a
/// model producing tokens, read with the SDK's client from a bot built with the toolkit. Reports replies per second,
/// time to first delta at p50 and p99, and peak memory, and fails when any reply does not complete whole.
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures means; this run measures what a platform under load sees. Wall-clock time is read with
/// <see cref="TimeProvider.System"/> here only, to report throughput: the SDK itself reads time from the
/// <see cref="TimeProvider"/> it is given.
/// </remarks>
public static class LoadRun
{
    /// <summary>Runs the harness and prints its report.</summary>
    /// <param name="concurrency">How many replies run at once.</param>
    /// <param name="deltas">How many deltas each reply streams.</param>
    /// <param name="pause">The pause between deltas.</param>
    /// <returns>0 when every reply completed whole, 1 otherwise.</returns>
    public static async Task<int> RunAsync(int concurrency = 500, int deltas = 100, TimeSpan? pause = null)
    {
        var gap = pause ?? TimeSpan.FromMilliseconds(10);
        await using var bots = await LoopbackBots.StartAsync(deltas, gap).ConfigureAwait(false);
        var expectedLength = string.Concat(Enumerable.Range(0, deltas).Select(i => i == 0 ? "word0" : " word" + i.ToString(CultureInfo.InvariantCulture))).Length;

        // Warm up: connections, JIT.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bots.SendWithSdkAsync())).ConfigureAwait(false);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;

        var peakHeap = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None).ConfigureAwait(false);
            }
        });

        var started = TimeProvider.System.GetTimestamp();
        var replies = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => bots.SendWithSdkAsync())).ConfigureAwait(false);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        process.Refresh();

        var whole = replies.Count(reply => reply.IsCompleted && reply.Text.Length == expectedLength);
        var firstDeltas = replies.Where(reply => reply.Timings.TimeToFirstDelta is not null)
            .Select(reply => reply.Timings.TimeToFirstDelta!.Value.TotalMilliseconds).Order().ToArray();

        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"Load run: {concurrency} streamed replies at once, {deltas} deltas each, {gap.TotalMilliseconds:0} ms between deltas, over loopback."));
        Console.WriteLine(string.Create(invariant, $"  completed whole      {whole} of {concurrency}"));
        Console.WriteLine(string.Create(invariant, $"  wall time            {elapsed.TotalSeconds:0.000} s (a reply alone takes at least {deltas * gap.TotalSeconds:0.000} s)"));
        Console.WriteLine(string.Create(invariant, $"  replies per second   {concurrency / elapsed.TotalSeconds:0.0}"));
        Console.WriteLine(string.Create(invariant, $"  time to first delta  p50 {Percentile(firstDeltas, 0.50):0.0} ms, p99 {Percentile(firstDeltas, 0.99):0.0} ms, max {firstDeltas.LastOrDefault():0.0} ms"));
        Console.WriteLine(string.Create(invariant, $"  peak managed heap    {peakHeap / 1024.0 / 1024.0:0.0} MB"));
        Console.WriteLine(string.Create(invariant, $"  peak working set     {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MB (before the run {workingSetBefore / 1024.0 / 1024.0:0.0} MB; client and both servers share this process)"));
        return whole == concurrency ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

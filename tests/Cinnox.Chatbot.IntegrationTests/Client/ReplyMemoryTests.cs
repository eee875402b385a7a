using System.Diagnostics;
using System.Text.Json.Nodes;
using Cinnox.Chatbot.MemoryProbe;
using Xunit.Abstractions;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// docs/protocol.md#hostile-bots: memory is proportional to the limits. Each of the costliest bodies within the 4 MB response limit is
/// read in a process of its own (so its peak working set is its own), with the default limits.
/// </summary>
public class ReplyMemoryTests(ITestOutputHelper output)
{
    /// <summary>The most a process reading any body within the default limits may reach, runtime included.</summary>
    private const long MaxPeakWorkingSetBytes = 200L * 1024 * 1024;

    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var name in WorstBodies.Names)
        {
            cases.Add(name, false);
            cases.Add(name, true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadingTheWorstBodies_StaysUnderTheMemoryGoal(string name, bool streaming)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "Cinnox.Chatbot.MemoryProbe.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { probe, name, streaming ? "stream" : "send" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        process.ExitCode.Should().Be(0, await stderr);

        var line = await stdout;
        output.WriteLine(line);
        var result = JsonNode.Parse(line)!.AsObject();
        var peak = result["peakWorkingSetBytes"]!.GetValue<long>();
        var outcome = result["outcome"]!.GetValue<string>();

        peak.Should().BeLessThan(MaxPeakWorkingSetBytes, "reading {0} must not grow past the goal", name);
        if (name.StartsWith("json-", StringComparison.Ordinal) && name is not ("json-long-text" or "json-every-cap-filled"))
        {
            outcome.Should().Be(nameof(ChatbotOutcome.InvalidResponse), "{0} is more than the reader builds", name);
            result["failureReason"]!.GetValue<string>().Should().Contain("ChatbotLimits.Max");
        }
        else if (name != "sse-malformed-events")
        {
            outcome.Should().Be(nameof(ChatbotOutcome.Completed));
        }
    }
}

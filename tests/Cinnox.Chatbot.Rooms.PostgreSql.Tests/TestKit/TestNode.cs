using System.Diagnostics;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>A child process running Cinnox.Chatbot.Rooms.PostgreSql.TestNode: another node on the same database, that a test can kill.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineArrived = new(0);

    private TestNode(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(line.Data);
                }

                _lineArrived.Release();
            }
        };
    }

    public static TestNode Start(params string[] args)
    {
        // The node's own build output, next to this project's: tests/<project>/bin/<configuration>/<framework>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        var node = Path.Combine(tests, "Cinnox.Chatbot.Rooms.PostgreSql.TestNode", "bin", configuration, framework, "Cinnox.Chatbot.Rooms.PostgreSql.TestNode.dll");
        File.Exists(node).Should().BeTrue($"the test node is built by the test project's build ({node})");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(node);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[PostgreSqlServer.Variable] = PostgreSqlServer.ConnectionString;
        var process = Process.Start(start)!;
        var testNode = new TestNode(process);
        process.BeginOutputReadLine();
        return testNode;
    }

    public async Task WaitForLineAsync(string expected, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (_lines)
            {
                if (_lines.Contains(expected))
                {
                    return;
                }
            }

            _process.HasExited.Should().BeFalse($"the node should print {expected} (it printed: {string.Join(" | ", _lines)})");
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The node did not print {expected} within {timeout} (it printed: {string.Join(" | ", _lines)}).");
            }
        }
    }

    public Task SendLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }
}

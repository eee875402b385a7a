using System.Diagnostics;
using System.Text;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>A sample bot run as its own process with <c>--urls http://127.0.0.1:0</c>, as a person would start it.</summary>
public sealed class SampleBotProcess : IAsyncDisposable
{
    private const string ListeningLine = "Now listening on: ";

    private readonly Process _process;

    private SampleBotProcess(Process process, Uri address, string startupOutput)
    {
        _process = process;
        Address = address;
        StartupOutput = startupOutput;
    }

    /// <summary>Gets the address the bot listens on, ending with <c>/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Gets what the bot wrote to standard output up to the line that says where it listens.</summary>
    public string StartupOutput { get; }

    /// <summary>Starts a sample's assembly from the test's output folder and waits until it listens.</summary>
    /// <param name="assemblyName">The sample's assembly, such as <c>ShowcaseBot</c>.</param>
    /// <param name="configureEnvironment">Sets or removes environment variables of the process.</param>
    /// <returns>The running bot.</returns>
    /// <exception cref="InvalidOperationException">The bot exited without saying where it listens; the message holds its output.</exception>
    public static async Task<SampleBotProcess> StartAsync(string assemblyName, Action<IDictionary<string, string?>> configureEnvironment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        configureEnvironment(start.Environment);
        var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var seen = new StringBuilder();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                var at = line.IndexOf(ListeningLine, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return new SampleBotProcess(process, new Uri(line[(at + ListeningLine.Length)..].Trim() + "/"), seen.ToString());
                }
            }

            throw new InvalidOperationException($"{assemblyName} exited without listening. Output:\n{seen}\n{await process.StandardError.ReadToEndAsync()}");
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => new(StopAsync(_process));

    private static async Task StopAsync(Process process)
    {
        using (process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

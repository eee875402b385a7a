using Cinnox.Chatbot.Tool.Cli;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// Sends the battery of probes to a bot through the SDK's own client and judges every reply with the SDK's reader and
/// validator. Probes run one after another, each once (no retries), so every finding is one reproducible request.
/// </summary>
internal static class ConformanceChecker
{
    /// <summary>Checks a bot.</summary>
    /// <param name="settings">Where the bot is and the limits to judge by.</param>
    /// <param name="queries">Extra queries to send, each as JSON and as a stream.</param>
    /// <param name="checkMedia">Whether to send a HEAD request per media URL.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="progress">Told the name of each probe as it starts.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<CheckReport> RunAsync(
        EndpointSettings settings, IReadOnlyList<string> queries, bool checkMedia, TimeProvider? timeProvider = null,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var findings = new List<CheckFinding>();
        var media = new List<(int, string, string, string)>();
        var errors = new List<string>();
        var baseDestination = settings.ToDestination("cinnox-chatbot-check", stream: false, errors)
            ?? throw new ArgumentException(string.Join(" ", errors), nameof(settings));

        foreach (var probe in ProbeBattery.Create(queries, settings.Context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Invoke(probe.Name);
            var destination = baseDestination.Clone();
            destination.RequestFormat = probe.Format;
            if (probe.Stream)
            {
                EndpointSettings.EnableStreaming(destination);
            }
            else
            {
                EndpointSettings.DisableStreaming(destination);
            }

            var connection = BotConnection.Open(destination, retries: 0, timeProvider);
            await using (connection.ConfigureAwait(false))
            {
                using var capture = WireCapture.Start(destination.Limits.MaxResponseBytes + (64 * 1024));
                var options = new ChatbotSendOptions { IsExternalChannel = probe.ExternalChannel };
                var reply = await connection.Client.SendAsync(probe.Request, options, cancellationToken).ConfigureAwait(false);
                var streamRequested = probe.Stream && !probe.ExternalChannel;
                findings.AddRange(ReplyJudge.Judge(probe.Name, reply, capture.Last, streamRequested));
                if (reply.Message is { } message)
                {
                    media.AddRange(MediaChecker.FindMedia(message).Select(item => (item.Type, item.Url, item.Path, probe.Name)));
                }
            }
        }

        var hygiene = BotConnection.Open(baseDestination, retries: 0, timeProvider);
        await using (hygiene.ConfigureAwait(false))
        {
            progress?.Invoke("HTTP hygiene");
            findings.AddRange(await HygieneProbes.RunAsync(hygiene, cancellationToken).ConfigureAwait(false));
            if (checkMedia)
            {
                progress?.Invoke("media");
                findings.AddRange(await MediaChecker.RunAsync(hygiene, media, cancellationToken).ConfigureAwait(false));
            }
        }

        return new CheckReport([.. CheckRules.All.Where(rule => CheckRules.IsChecked(rule, checkMedia))], findings);
    }
}

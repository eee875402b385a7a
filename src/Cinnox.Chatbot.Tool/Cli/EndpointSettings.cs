namespace Cinnox.Chatbot.Tool.Cli;

/// <summary>Where and how to reach a bot, as read from the command line.</summary>
internal sealed class EndpointSettings
{
    public Uri? Url { get; set; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public List<KeyValuePair<string, string>> Parameters { get; } = [];

    public List<KeyValuePair<string, string>> Context { get; } = [];

    public bool Legacy { get; set; }

    public TimeSpan? Timeout { get; set; }

    public int? MaxEventBytes { get; set; }

    public int? MaxResponseBytes { get; set; }

    public bool Telemetry { get; set; }

    /// <summary>
    /// Builds the destination: the configured headers (repeated names joined with a comma), the URL parameters and the
    /// limits. <c>DIRECT_TRANSFER</c> is reported as an action, as for a destination with live-agent transfer on.
    /// </summary>
    /// <param name="name">The destination's name.</param>
    /// <param name="stream">Whether to add <c>Accept: text/event-stream</c> when the headers do not ask for it already.</param>
    /// <param name="errors">Receives the destination's validation problems.</param>
    public ChatbotDestination? ToDestination(string name, bool stream, List<string> errors)
    {
        var destination = new ChatbotDestination
        {
            Name = name,
            Url = Url,
            RequestFormat = Legacy ? ChatbotRequestFormat.Legacy : ChatbotRequestFormat.Current,
            TransferToLiveAgent = true,
        };

        foreach (var (key, value) in Parameters)
        {
            destination.UrlParameters[key] = value;
        }

        foreach (var (header, value) in Headers)
        {
            destination.Headers[header] = destination.Headers.TryGetValue(header, out var existing) ? existing + ", " + value : value;
        }

        if (stream)
        {
            EnableStreaming(destination);
        }

        if (Timeout is { } timeout)
        {
            destination.Limits.TotalResponseTime = timeout;
        }

        if (MaxEventBytes is { } maxEventBytes)
        {
            destination.Limits.MaxEventBytes = maxEventBytes;
        }

        if (MaxResponseBytes is { } maxResponseBytes)
        {
            destination.Limits.MaxResponseBytes = maxResponseBytes;
        }

        var before = errors.Count;
        foreach (var issue in destination.Validate())
        {
            errors.Add(issue.ToString());
        }

        return errors.Count == before ? destination : null;
    }

    /// <summary>Turns streaming on (docs/protocol.md#destination: an <c>Accept: text/event-stream</c> header), keeping other accepted types.</summary>
    public static void EnableStreaming(ChatbotDestination destination)
    {
        if (destination.IsStreamingEnabled)
        {
            return;
        }

        destination.Headers["Accept"] = destination.Headers.TryGetValue("Accept", out var accept) && accept.Length > 0
            ? accept + ", " + ChatbotDestination.EventStreamMediaType
            : ChatbotDestination.EventStreamMediaType;
    }

    /// <summary>Turns streaming off by removing <c>text/event-stream</c> from the Accept header.</summary>
    public static void DisableStreaming(ChatbotDestination destination)
    {
        var key = destination.Headers.Keys.FirstOrDefault(name => string.Equals(name, "Accept", StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            return;
        }

        var kept = destination.Headers[key].Split(',')
            .Select(type => type.Trim())
            .Where(type => type.Length > 0 && !ChatbotDestination.AcceptsEventStream(type))
            .ToArray();
        if (kept.Length == 0)
        {
            destination.Headers.Remove(key);
        }
        else
        {
            destination.Headers[key] = string.Join(", ", kept);
        }
    }
}

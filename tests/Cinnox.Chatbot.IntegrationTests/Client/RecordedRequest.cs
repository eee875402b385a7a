namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>One request a <see cref="RecordingPeer"/> received.</summary>
internal sealed record RecordedRequest(string Head, string Body)
{
    /// <summary>The value of a request header, or <see langword="null"/>.</summary>
    public string? Header(string name)
    {
        foreach (var line in Head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}

using System.Text;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// Reads a Server-Sent Events body the plainest way: line by line, as a platform with no SSE library would,
/// keeping comments and every field so a test can check the framing itself.
/// </summary>
public static class SseLineReader
{
    /// <summary>Reads every event until the body ends.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The events, in order.</returns>
    public static async Task<IReadOnlyList<RawEvent>> ReadAllAsync(Stream body, CancellationToken cancellationToken = default)
    {
        var events = new List<RawEvent>();
        await foreach (var item in ReadAsync(body, cancellationToken).ConfigureAwait(false))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>Reads events as they arrive. An event ends at a blank line; a trailing event without one is returned too.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The events, in order.</returns>
    public static async IAsyncEnumerable<RawEvent> ReadAsync(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), false, 1024, leaveOpen: true);
        var lines = new List<string>();
        var bytes = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            bytes += Encoding.UTF8.GetByteCount(line) + 1;
            if (line.Length == 0)
            {
                yield return new RawEvent(lines, bytes);
                lines = [];
                bytes = 0;
                continue;
            }

            lines.Add(line);
        }

        if (lines.Count > 0)
        {
            yield return new RawEvent(lines, bytes);
        }
    }

    /// <summary>One event as it appeared on the wire.</summary>
    /// <param name="Lines">The event's lines, without the blank line that ends it.</param>
    /// <param name="WireBytes">The event's UTF-8 bytes including its line ends and the blank line, counting each line end as one byte.</param>
    public sealed record RawEvent(IReadOnlyList<string> Lines, int WireBytes)
    {
        /// <summary>Gets a value indicating whether every line is a comment (starts with <c>:</c>).</summary>
        public bool IsComment => Lines.Count > 0 && Lines.All(line => line.StartsWith(':'));

        /// <summary>Gets the event's data: its <c>data:</c> lines joined with <c>\n</c>, one leading space removed from each.</summary>
        public string Data => string.Join('\n', Lines
            .Where(line => line.StartsWith("data:", StringComparison.Ordinal))
            .Select(line => line.Length > 5 && line[5] == ' ' ? line[6..] : line[5..]));
    }
}

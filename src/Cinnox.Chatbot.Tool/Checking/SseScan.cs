using System.Text;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// A recorded Server-Sent-Events body split into its events, with what breaks the framing: lines that are neither a
/// field nor a comment, and an event the body ends inside (SSE drops such an event).
/// </summary>
internal sealed class SseScan
{
    private SseScan(List<SseFrame> frames, List<string> badLines, bool unterminated)
    {
        Frames = frames;
        BadLines = badLines;
        Unterminated = unterminated;
    }

    /// <summary>Gets the complete events.</summary>
    public IReadOnlyList<SseFrame> Frames { get; }

    /// <summary>Gets the lines that are not SSE fields (at most a few, cut to 80 characters).</summary>
    public IReadOnlyList<string> BadLines { get; }

    /// <summary>Gets whether the body ended inside an event, without the blank line that completes it.</summary>
    public bool Unterminated { get; }

    /// <summary>Splits <paramref name="body"/> into events, following the SSE standard's line rules (CRLF, LF or CR).</summary>
    public static SseScan Parse(ReadOnlySpan<byte> body)
    {
        var frames = new List<SseFrame>();
        var badLines = new List<string>();
        var data = new StringBuilder();
        string? eventName = null;
        bool hasData = false, inEvent = false;
        var eventStart = 0;
        var position = 0;
        while (position < body.Length)
        {
            var end = body[position..].IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                // The last line has no line ending: the event it belongs to never completes.
                inEvent = true;
                break;
            }

            var line = body.Slice(position, end);
            var next = position + end + 1;
            if (body[position + end] == '\r' && next < body.Length && body[next] == '\n')
            {
                next++;
            }

            if (line.IsEmpty)
            {
                if (inEvent)
                {
                    frames.Add(new SseFrame(eventStart, next - eventStart, eventName ?? "message", hasData ? data.ToString() : null));
                }

                data.Clear();
                eventName = null;
                hasData = inEvent = false;
                eventStart = next;
            }
            else
            {
                inEvent = true;
                ReadField(line, data, ref eventName, ref hasData, badLines);
            }

            position = next;
        }

        return new SseScan(frames, badLines, inEvent);
    }

    private static void ReadField(ReadOnlySpan<byte> line, StringBuilder data, ref string? eventName, ref bool hasData, List<string> badLines)
    {
        if (line[0] == ':')
        {
            return;
        }

        var colon = line.IndexOf((byte)':');
        var name = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == ' ')
        {
            value = value[1..];
        }

        switch (Encoding.UTF8.GetString(name))
        {
            case "data":
                if (hasData)
                {
                    data.Append('\n');
                }

                data.Append(Encoding.UTF8.GetString(value));
                hasData = true;
                break;
            case "event":
                eventName = Encoding.UTF8.GetString(value);
                break;
            case "id" or "retry":
                break;
            default:
                if (badLines.Count < 3)
                {
                    var text = Encoding.UTF8.GetString(line);
                    badLines.Add(text.Length > 80 ? text[..80] + "…" : text);
                }

                break;
        }
    }
}

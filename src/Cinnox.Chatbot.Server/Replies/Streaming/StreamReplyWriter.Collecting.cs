using System.Text;

namespace Cinnox.Chatbot.Server;

/// <content>The JSON collector: the whole text gathered into one reply within the response limit.</content>
internal sealed partial class StreamReplyWriter
{
    /// <summary>Collects the stream into <see cref="CollectedText"/>, for a JSON reply whose body stays within the response limit.</summary>
    public async Task CollectAsync()
    {
        _whole = new PooledByteBuffer(1024);
        var room = _maxResponse - ChatbotWire.TextPrefix.Length - ChatbotWire.MessageSuffix.Length;
        while (true)
        {
            var pull = await PullAsync(keepAlive: false).ConfigureAwait(false);
            if (pull == Pull.Stopped)
            {
                break;
            }

            if (pull == Pull.End)
            {
                if (!_encoder.HasCarriedSurrogate)
                {
                    break;
                }

                _current = string.Empty;
            }

            var text = _encoder.TakeText(_current, endOfStream: pull == Pull.End);
            if (!Collect(text, room))
            {
                End = StreamReplyEnd.ResponseLimit;
                _handlerCancellation?.Cancel();
                break;
            }

            if (pull == Pull.End)
            {
                break;
            }
        }

        BytesWritten = ChatbotWire.TextPrefix.Length + _whole.Count + ChatbotWire.MessageSuffix.Length;
    }

    /// <summary>Adds text to the collected reply; returns false when the response limit cut it short.</summary>
    private bool Collect(ReadOnlyMemory<char> text, long room)
    {
        var whole = _whole!;
        while (!text.IsEmpty)
        {
            var left = room - whole.Count;
            if (left <= 0)
            {
                return false;
            }

            var window = TextEventEncoder.Window(text, Math.Min(left, 16 * 1024));
            var escaped = _encoder.Escape(window.Span);
            if (escaped.Length <= left)
            {
                whole.Write(escaped);
                HasVisibleText |= !window.Span.IsWhiteSpace();
                text = text[window.Length..];
                continue;
            }

            var take = JsonTextEscaper.FitPrefix(escaped, (int)left, out var chars);
            whole.Write(escaped[..take]);
            HasVisibleText |= !window.Span[..chars].IsWhiteSpace();
            return false;
        }

        return true;
    }
}

using System.Buffers;
using System.Text;

namespace Cinnox.Chatbot.Server;

/// <content>The text-to-events encoder: surrogates kept whole across texts, size windows, and the closing event.</content>
internal sealed partial class StreamReplyWriter
{
    /// <summary>Applies the surrogate carried from the previous text, and holds back a trailing high surrogate.</summary>
    private ReadOnlyMemory<char> TakeText(string? delta, bool endOfStream)
    {
        if (string.IsNullOrEmpty(delta) && !endOfStream)
        {
            return default; // An empty piece keeps a carried high surrogate waiting for its pair.
        }

        var text = (delta ?? string.Empty).AsMemory();
        if (_pendingHighSurrogate != '\0')
        {
            var carried = _pendingHighSurrogate;
            _pendingHighSurrogate = '\0';
            text = (text.Length > 0 && char.IsLowSurrogate(text.Span[0]) ? string.Concat(new ReadOnlySpan<char>(in carried), text.Span) : "\uFFFD" + delta).AsMemory();
        }

        if (!endOfStream && text.Length > 0 && char.IsHighSurrogate(text.Span[^1]))
        {
            _pendingHighSurrogate = text.Span[^1];
            text = text[..^1];
        }

        return text;
    }

    /// <summary>The next run of text to escape: at most <paramref name="maxChars"/>, never ending inside a surrogate pair.</summary>
    private static ReadOnlyMemory<char> Window(ReadOnlyMemory<char> text, long maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var length = (int)Math.Max(maxChars, 1);
        if (char.IsHighSurrogate(text.Span[length - 1]))
        {
            length = length > 1 ? length - 1 : 2;
        }

        return text[..length];
    }

    private bool TryBuildDeltaEvent()
    {
        var room = Math.Min(_maxEventPayload, _maxResponse - BytesWritten - _reserve - ReplyFraming.EventFraming)
            - ChatbotWire.TextPrefix.Length - ChatbotWire.DeltaSuffix.Length;
        var pending = _pending is null ? 0 : _pending.Count - _pendingOffset;
        if (pending == 0)
        {
            if (_text.IsEmpty)
            {
                return false;
            }

            // The usual case: the whole text is escaped straight into the event, which is sent if it fits.
            // Each character escapes to at least one byte, so a longer text could never fit.
            if (_text.Length <= room)
            {
                _event.Clear();
                if (TryBuildPlainEvent())
                {
                    return true;
                }

                _event.Write(ChatbotWire.TextPrefix[..^1]);
                var start = _event.Count + 1;
                _escaper.WriteQuoted(_text.Span, _event);
                var length = _event.Count - start - 1;
                if (length <= room)
                {
                    _event.Write(ChatbotWire.DeltaSuffix[1..]);
                    _text = default;
                    return true;
                }

                (_pending ??= new PooledByteBuffer(_event.Count)).Write(_event.WrittenSpan.Slice(start, length));
                _text = default;
            }
        }

        // Escaped text larger than one event: escape window by window and cut full events from the result, each
        // ending between two characters.
        var buffer = _pending ??= new PooledByteBuffer(1024);
        Compact(buffer);
        while (buffer.Count < room && !_text.IsEmpty)
        {
            var window = Window(_text, Math.Max(room - buffer.Count, 1));
            buffer.Write(_escaper.Escape(window.Span).Span);
            _text = _text[window.Length..];
        }

        var escaped = buffer.WrittenSpan;
        if (escaped.IsEmpty && _text.IsEmpty)
        {
            return false;
        }

        var take = escaped.Length <= room ? escaped.Length : JsonTextEscaper.FitPrefix(escaped, (int)Math.Max(room, 0), out _);
        if (take == 0)
        {
            End = StreamReplyEnd.ResponseLimit;
            return false;
        }

        var piece = escaped[..take];
        BuildEvent(piece, ChatbotWire.DeltaSuffix);
        _pendingOffset = take;
        return true;
    }

    /// <summary>Builds the event of a text that needs no escaping in one pass: one copy, no encoder.</summary>
    private bool TryBuildPlainEvent()
    {
        var text = _text.Span;
        var prefix = ChatbotWire.TextPrefix;
        var suffix = ChatbotWire.DeltaSuffix;
        var span = _event.GetSpan(prefix.Length + text.Length + suffix.Length);
        if (!JsonTextEscaper.TryCopyPlain(text, span[prefix.Length..]))
        {
            return false;
        }

        prefix.CopyTo(span);
        suffix.CopyTo(span[(prefix.Length + text.Length)..]);
        _event.Advance(prefix.Length + text.Length + suffix.Length);
        _text = default;
        return true;
    }

    /// <summary>Drops the escaped text already sent from the front of the buffer.</summary>
    private void Compact(PooledByteBuffer buffer)
    {
        if (_pendingOffset > 0)
        {
            buffer.RemoveFront(_pendingOffset);
            _pendingOffset = 0;
        }
    }

    private void BuildEvent(ReadOnlySpan<byte> escapedText, ReadOnlySpan<byte> suffix)
    {
        _event.Clear();
        _event.Write(ChatbotWire.TextPrefix);
        _event.Write(escapedText);
        _event.Write(suffix);
    }

    /// <summary>
    /// Keeps a text for the final event, which carries the whole text: the characters are copied as they come,
    /// and dropped as soon as the whole text could no longer fit in one event (every character takes a byte or more).
    /// </summary>
    private void RememberForFinal(string? text)
    {
        if (_finalText is not { } buffer || string.IsNullOrEmpty(text))
        {
            return;
        }

        var length = _finalLength + text.Length;
        if (length + ChatbotWire.TextPrefix.Length + ChatbotWire.FinalSuffix.Length > _maxEventPayload)
        {
            ReturnFinalText();
            return;
        }

        if (length > buffer.Length)
        {
            var grown = ArrayPool<char>.Shared.Rent(Math.Max(length, buffer.Length * 2));
            buffer.AsSpan(0, _finalLength).CopyTo(grown);
            ArrayPool<char>.Shared.Return(buffer);
            _finalText = buffer = grown;
        }

        text.CopyTo(buffer.AsSpan(_finalLength));
        _finalLength = length;
    }

    private void ReturnFinalText()
    {
        if (_finalText is { } buffer)
        {
            _finalText = null;
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private bool TryBuildClosingEvent()
    {
        if (_options.StreamCompletion == ChatbotStreamCompletion.None)
        {
            return false;
        }

        // After a cut the whole text would not be what was sent, and could not fit anyway.
        if (_finalText is { } text && _finalLength > 0 && End != StreamReplyEnd.ResponseLimit)
        {
            _event.Clear();
            _event.Write(ChatbotWire.TextPrefix);
            _escaper.AppendEscaped(text.AsSpan(0, _finalLength), _event);
            _event.Write(ChatbotWire.FinalSuffix);
            if (_event.Count <= _maxEventPayload && BytesWritten + _event.Count + ReplyFraming.EventFraming <= _maxResponse)
            {
                return true;
            }
        }

        _event.Clear();
        _event.Write(ChatbotWire.Done);
        return true;
    }
}

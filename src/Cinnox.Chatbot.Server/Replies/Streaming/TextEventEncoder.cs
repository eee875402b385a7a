using System.Buffers;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Turns a handler's texts into the data of text events (docs/protocol.md#streaming-replies), synchronously and without any I/O: a character
/// split across two texts is written whole, a text too large for one event is cut into events that each fit
/// <see cref="ChatbotLimits.MaxEventBytes"/> and end between two characters, the response never grows past
/// <see cref="ChatbotLimits.MaxResponseBytes"/> (room for the closing event is kept back from the start), and the
/// closing event carries the whole text when it fits in one event.
/// </summary>
/// <remarks>
/// Use: <see cref="Add"/> a text, then take <see cref="TryBuildDeltaEvent"/> events until it returns false; at the end
/// <see cref="EndText"/> and take the last events, then <see cref="TryBuildClosingEvent"/>. Each call is told how many
/// bytes the response already holds, so whatever else is written (keep-alive comments) counts against the limit.
/// When <see cref="HasLargeDelta"/>, the next event is taken in pieces instead (<c>TextEventEncoder.Pieces.cs</c>),
/// and so is a closing event carrying a long text, so no event is ever held whole in memory.
/// </remarks>
internal sealed partial class TextEventEncoder : IDisposable
{
    private readonly JsonTextEscaper _escaper = new();
    private readonly PooledByteBuffer _event = new(512);
    private readonly ChatbotStreamCompletion _completion;
    private readonly int _maxEventPayload;
    private readonly long _maxResponse;
    private readonly int _reserve;
    private ReadOnlyMemory<char> _text;
    private PooledByteBuffer? _escaped;
    private int _escapedOffset;
    private char _carriedHighSurrogate;
    private char[]? _finalText;
    private int _finalLength;

    /// <summary>Initializes an encoder for one reply.</summary>
    /// <param name="options">The limits and the stream completion; already validated.</param>
    public TextEventEncoder(ChatbotServerOptions options)
    {
        _completion = options.StreamCompletion;
        _maxEventPayload = options.Limits.MaxEventBytes - ReplyFraming.EventFraming;
        _maxResponse = options.Limits.MaxResponseBytes;
        _reserve = _completion == ChatbotStreamCompletion.None ? 0 : ReplyFraming.DoneEventBytes;
        if (_completion == ChatbotStreamCompletion.FinalEvent)
        {
            _finalText = ArrayPool<char>.Shared.Rent(1024);
        }
    }

    /// <summary>Gets the data of the event just built.</summary>
    public ReadOnlySpan<byte> Event => _event.WrittenSpan;

    /// <summary>Gets a value indicating whether the response limit cut the text short.</summary>
    public bool IsCut { get; private set; }

    /// <summary>Gets a value indicating whether a high surrogate at the end of the last text waits for its pair.</summary>
    public bool HasCarriedSurrogate => _carriedHighSurrogate != '\0';

    /// <summary>Gets the bytes kept back from the start for the closing event: none when there is no closing event.</summary>
    public int ClosingReserve => _reserve;

    /// <summary>Gets the largest data of one event: <see cref="ChatbotLimits.MaxEventBytes"/> less the SSE framing.</summary>
    public int MaxEventPayload => _maxEventPayload;

    /// <summary>Adds the handler's next text; the one before must have been taken whole.</summary>
    public void Add(string? text)
    {
        RememberForFinal(text);
        _text = TakeText(text, endOfStream: false);
    }

    /// <summary>Ends the texts: a high surrogate still waiting for its pair becomes U+FFFD, to be taken as an event.</summary>
    /// <returns><see langword="true"/> when there is such a character to take.</returns>
    public bool EndText()
    {
        if (!HasCarriedSurrogate)
        {
            return false;
        }

        _text = TakeText(string.Empty, endOfStream: true);
        return true;
    }

    /// <summary>
    /// Applies the surrogate carried from the previous text and holds back a trailing high surrogate, so no character is
    /// ever cut in two. An empty piece keeps a carried high surrogate waiting; at the end of the stream it becomes U+FFFD.
    /// </summary>
    public ReadOnlyMemory<char> TakeText(string? delta, bool endOfStream)
    {
        if (string.IsNullOrEmpty(delta) && !endOfStream)
        {
            return default;
        }

        var text = (delta ?? string.Empty).AsMemory();
        if (_carriedHighSurrogate != '\0')
        {
            var carried = _carriedHighSurrogate;
            _carriedHighSurrogate = '\0';
            text = (text.Length > 0 && char.IsLowSurrogate(text.Span[0]) ? string.Concat(new ReadOnlySpan<char>(in carried), text.Span) : "\uFFFD" + delta).AsMemory();
        }

        if (!endOfStream && text.Length > 0 && char.IsHighSurrogate(text.Span[^1]))
        {
            _carriedHighSurrogate = text.Span[^1];
            text = text[..^1];
        }

        return text;
    }

    /// <summary>The next run of text to escape: at most <paramref name="maxChars"/>, never ending inside a surrogate pair.</summary>
    public static ReadOnlyMemory<char> Window(ReadOnlyMemory<char> text, long maxChars)
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

    /// <summary>
    /// Builds the next <c>delta</c> event of the text added, into <see cref="Event"/>; false when the text is all taken
    /// or the response limit leaves no room (then <see cref="IsCut"/>).
    /// </summary>
    /// <param name="bytesWritten">The bytes the response already holds.</param>
    public bool TryBuildDeltaEvent(long bytesWritten)
    {
        var room = DeltaRoom(bytesWritten);
        var escapedLeft = _escaped is null ? 0 : _escaped.Count - _escapedOffset;
        if (escapedLeft == 0)
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

                (_escaped ??= new PooledByteBuffer(_event.Count)).Write(_event.WrittenSpan.Slice(start, length));
                _text = default;
            }
        }

        // Escaped text larger than one event: escape window by window and cut full events from the result, each
        // ending between two characters.
        var buffer = _escaped ??= new PooledByteBuffer(1024);
        DropSent(buffer);
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
            IsCut = true;
            return false;
        }

        _event.Clear();
        _event.Write(ChatbotWire.TextPrefix);
        _event.Write(escaped[..take]);
        _event.Write(ChatbotWire.DeltaSuffix);
        _escapedOffset = take;
        return true;
    }

    /// <summary>
    /// Takes a text that needs no escaping (printable ASCII without quotes or backslashes) as a whole event without
    /// copying it: <see cref="WritePlainEvent"/> writes it later straight into the output. False when it is not plain,
    /// does not fit, or a surrogate is carried; then <see cref="Add"/> it instead.
    /// </summary>
    /// <param name="text">The handler's text.</param>
    /// <param name="bytesWritten">The bytes the response already holds.</param>
    /// <param name="size">The size of the event's data.</param>
    public bool TryTakePlain(string? text, long bytesWritten, out int size)
    {
        size = 0;
        if (string.IsNullOrEmpty(text) || text.Length > PieceChars || HasCarriedSurrogate || !JsonTextEscaper.IsPlain(text))
        {
            return false;
        }

        size = ChatbotWire.TextPrefix.Length + text.Length + ChatbotWire.DeltaSuffix.Length;
        if (size > Math.Min(_maxEventPayload, _maxResponse - bytesWritten - _reserve - ReplyFraming.EventFraming))
        {
            return false;
        }

        RememberForFinal(text);
        return true;
    }

    /// <summary>Writes the data of a plain text's event, taken by <see cref="TryTakePlain"/>, into exactly its size.</summary>
    /// <param name="text">The text taken.</param>
    /// <param name="data">Where the event's data goes: as long as the size <see cref="TryTakePlain"/> gave.</param>
    public static void WritePlainEvent(string text, Span<byte> data)
    {
        var prefix = ChatbotWire.TextPrefix;
        prefix.CopyTo(data);
        JsonTextEscaper.CopyPlain(text, data.Slice(prefix.Length, text.Length));
        ChatbotWire.DeltaSuffix.CopyTo(data[(prefix.Length + text.Length)..]);
    }

    /// <summary>
    /// Builds the closing event into <see cref="Event"/>: the <c>final</c> event with the whole text when it fits in one
    /// event and the text was not cut, else <c>[DONE]</c>; false when the stream completion is
    /// <see cref="ChatbotStreamCompletion.None"/>.
    /// </summary>
    /// <param name="bytesWritten">The bytes the response already holds.</param>
    public bool TryBuildClosingEvent(long bytesWritten)
    {
        if (_completion == ChatbotStreamCompletion.None)
        {
            return false;
        }

        // After a cut the whole text would not be what was sent, and could not fit anyway. A longer text goes in
        // pieces (TryBeginFinalPieces) or not at all.
        if (_finalText is { } text && _finalLength is > 0 and <= PieceChars && !IsCut)
        {
            _event.Clear();
            _event.Write(ChatbotWire.TextPrefix);
            _escaper.AppendEscaped(text.AsSpan(0, _finalLength), _event);
            _event.Write(ChatbotWire.FinalSuffix);
            if (_event.Count <= _maxEventPayload && bytesWritten + _event.Count + ReplyFraming.EventFraming <= _maxResponse)
            {
                return true;
            }
        }

        _event.Clear();
        _event.Write(ChatbotWire.Done);
        return true;
    }

    /// <summary>Escapes a text into the text of a JSON reply; the caller keeps it within the response.</summary>
    public ReadOnlySpan<byte> Escape(ReadOnlySpan<char> text) => _escaper.Escape(text).Span;

    /// <inheritdoc/>
    public void Dispose()
    {
        ReturnFinalText();
        _escaper.Dispose();
        _event.Dispose();
        _escaped?.Dispose();
    }

    /// <summary>The escaped text one delta event can carry now: within one event, and within the response less the closing event.</summary>
    private long DeltaRoom(long bytesWritten) =>
        Math.Min(_maxEventPayload, _maxResponse - bytesWritten - _reserve - ReplyFraming.EventFraming)
            - ChatbotWire.TextPrefix.Length - ChatbotWire.DeltaSuffix.Length;

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

    private int EscapedLeft => _escaped is null ? 0 : _escaped.Count - _escapedOffset;

    /// <summary>Drops the escaped text already sent from the front of the buffer.</summary>
    private void DropSent(PooledByteBuffer buffer)
    {
        if (_escapedOffset > 0)
        {
            buffer.RemoveFront(_escapedOffset);
            _escapedOffset = 0;
        }
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
}

namespace Cinnox.Chatbot.Server;

/// <content>
/// Events too large to hold at once, taken piece by piece: the writer sends each piece before it asks for the next, so a
/// reply holds at most one piece of escaped text however large its events are (up to <see cref="ChatbotLimits.MaxEventBytes"/>).
/// The pieces make exactly the bytes the whole event would.
/// </content>
internal sealed partial class TextEventEncoder
{
    /// <summary>
    /// The most characters escaped at once for an event taken in pieces, and the longest text built into one event at
    /// once: 4,096, so a piece is at most 24 KB however the text escapes.
    /// </summary>
    public const int PieceChars = 4096;

    private long _pieceRoom;
    private long _pieceUsed;
    private bool _pieceIsFinal;

    /// <summary>Gets a value indicating whether the next delta event is taken in pieces: the text left is longer than one piece.</summary>
    public bool HasLargeDelta => EscapedLeft + _text.Length > PieceChars;

    /// <summary>Gets the size of the data of the event taken in pieces so far, prefix and suffix included.</summary>
    public int PieceEventBytes => (int)_pieceUsed + ChatbotWire.TextPrefix.Length + PieceSuffix.Length;

    /// <summary>Gets the bytes that end the data of the event taken in pieces: a <c>delta</c> or a <c>final</c> suffix.</summary>
    public ReadOnlySpan<byte> PieceSuffix => _pieceIsFinal ? ChatbotWire.FinalSuffix : ChatbotWire.DeltaSuffix;

    /// <summary>
    /// Begins the next <c>delta</c> event in pieces, within the room <see cref="TryBuildDeltaEvent"/> would give it; false
    /// when the text is all taken or the response limit leaves no room (then <see cref="IsCut"/>).
    /// </summary>
    /// <param name="bytesWritten">The bytes the response already holds.</param>
    /// <param name="first">The event's first piece of escaped text; valid until the next call.</param>
    public bool TryBeginDeltaPieces(long bytesWritten, out ReadOnlyMemory<byte> first)
    {
        _pieceIsFinal = false;
        _pieceRoom = DeltaRoom(bytesWritten);
        _pieceUsed = 0;
        if (TryNextPiece(out first))
        {
            return true;
        }

        if (EscapedLeft > 0 || !_text.IsEmpty)
        {
            IsCut = true;
        }

        return false;
    }

    /// <summary>
    /// Begins the closing <c>final</c> event in pieces when the whole text is longer than one piece and its event fits;
    /// otherwise false, and <see cref="TryBuildClosingEvent"/> builds the closing event.
    /// </summary>
    /// <param name="bytesWritten">The bytes the response already holds.</param>
    public bool TryBeginFinalPieces(long bytesWritten)
    {
        if (_finalText is not { } buffer || _finalLength <= PieceChars || IsCut)
        {
            return false;
        }

        // Measured first, a piece at a time: only a final event that fits may start, since [DONE] is its fallback.
        var limit = Math.Min(_maxEventPayload, _maxResponse - bytesWritten - ReplyFraming.EventFraming)
            - ChatbotWire.TextPrefix.Length - ChatbotWire.FinalSuffix.Length;
        var whole = buffer.AsMemory(0, _finalLength);
        long length = 0;
        for (var text = whole; !text.IsEmpty && length <= limit;)
        {
            var window = Window(text, PieceChars);
            length += _escaper.Escape(window.Span).Length;
            text = text[window.Length..];
        }

        if (length > limit)
        {
            return false;
        }

        _escaped?.Clear();
        _escapedOffset = 0;
        _text = whole;
        _pieceIsFinal = true;
        _pieceRoom = length;
        _pieceUsed = 0;
        return true;
    }

    /// <summary>Takes the next piece of the event begun; false when the event is complete.</summary>
    /// <param name="piece">The piece of escaped text; valid until the next call.</param>
    public bool TryNextPiece(out ReadOnlyMemory<byte> piece)
    {
        piece = default;
        var left = _pieceRoom - _pieceUsed;
        if (left <= 0)
        {
            return false;
        }

        var buffer = _escaped ??= new PooledByteBuffer(1024);
        if (EscapedLeft == 0)
        {
            if (_text.IsEmpty)
            {
                return false;
            }

            DropSent(buffer);
            var window = Window(_text, Math.Min(PieceChars, left));
            buffer.Write(_escaper.Escape(window.Span).Span);
            _text = _text[window.Length..];
        }

        // The same cut TryBuildDeltaEvent makes: whole characters only, the rest left for the next event.
        var escaped = buffer.WrittenSpan[_escapedOffset..];
        var take = escaped.Length <= left ? escaped.Length : JsonTextEscaper.FitPrefix(escaped, (int)left, out _);
        if (take == 0)
        {
            return false;
        }

        piece = buffer.WrittenMemory.Slice(_escapedOffset, take);
        _escapedOffset += take;
        _pieceUsed += take;
        return true;
    }
}

namespace Cinnox.Chatbot;

/// <summary>
/// A read-only stream over a response body that enforces the per-response limit and, for event streams, the
/// per-event limit (docs/protocol.md#limits), throwing <see cref="ChatbotLimitExceededException"/> from <c>Read</c>.
/// </summary>
/// <remarks>
/// <para>
/// Hand-written because <c>SseParser</c> has no size limit of its own in this runtime: it would buffer a
/// never-ending line without bound. This stream sits under the parser and counts what passes through.
/// </para>
/// <para>
/// An event is measured as its bytes on the wire up to and including the blank line that ends it, in any
/// newline style (<c>\n</c>, <c>\r</c>, <c>\r\n</c>, mixed), tracked across reads. Bytes before the
/// first event and blank lines that dispatch nothing count as events of their own, exactly as the parser
/// sees them. A response is measured as every body byte read, comments included.
/// </para>
/// <para>
/// Boundaries are exact: an event of exactly <c>maxEventBytes</c> and a response of exactly
/// <c>maxResponseBytes</c> pass; one byte more fails. When a read brings the byte that breaks a limit, the
/// bytes before it are returned (so events that completed earlier in the same read are not lost) and the
/// next read throws. The returned bytes never include the blank line that would complete the offending
/// event (the parser holds back a lone trailing <c>\r</c> until it sees what follows), so the offending
/// event is never dispatched, let alone applied. Memory stays at what the parser buffers: at most about
/// one event limit plus one read buffer.
/// </para>
/// </remarks>
internal sealed class LimitedReadStream : ReadOnlyStream
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    private readonly Stream _inner;
    private readonly long _maxResponseBytes;
    private readonly long _maxEventBytes;
    private readonly bool _trackEvents;

    private long _position;
    private long _eventStart;
    private bool _lineHasContent;
    private bool _pendingCarriageReturn;
    private bool _pendingCarriageReturnEndsEvent;
    private ChatbotLimitExceededException? _pendingFailure;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="inner">The body to read.</param>
    /// <param name="maxResponseBytes">The most body bytes allowed.</param>
    /// <param name="maxEventBytes">The most bytes one event may take, or <see langword="null"/> for a body that is not an event stream.</param>
    public LimitedReadStream(Stream inner, long maxResponseBytes, long? maxEventBytes)
    {
        _inner = inner;
        _maxResponseBytes = maxResponseBytes;
        _trackEvents = maxEventBytes is not null;
        _maxEventBytes = maxEventBytes ?? long.MaxValue;
    }

    /// <summary>Gets the number of body bytes returned so far.</summary>
    public long BytesRead => _position;

    public override int Read(Span<byte> buffer)
    {
        ThrowIfFailed();
        var read = _inner.Read(buffer);
        return Account(buffer[..read]);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pendingFailure is not null)
        {
            return ValueTask.FromException<int>(_pendingFailure);
        }

        var read = _inner.ReadAsync(buffer, cancellationToken);
        if (!read.IsCompletedSuccessfully)
        {
            return AwaitAsync(read, buffer);
        }

        try
        {
            return ValueTask.FromResult(Account(buffer.Span[..read.Result]));
        }
        catch (ChatbotLimitExceededException exception)
        {
            return ValueTask.FromException<int>(exception);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> AwaitAsync(ValueTask<int> read, Memory<byte> buffer)
    {
        var count = await read.ConfigureAwait(false);
        return Account(buffer.Span[..count]);
    }

    private void ThrowIfFailed()
    {
        if (_pendingFailure is not null)
        {
            throw _pendingFailure;
        }
    }

    /// <summary>Counts a chunk just read and returns how many of its bytes may be handed on.</summary>
    private int Account(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return 0;
        }

        long allowed = chunk.Length;
        ChatbotOutcome? broken = null;
        if (_position + chunk.Length > _maxResponseBytes)
        {
            allowed = _maxResponseBytes - _position;
            broken = ChatbotOutcome.ResponseTooLarge;
        }

        if (_trackEvents)
        {
            // On a tie (the same byte breaks both limits) the event limit is reported: it is the more precise.
            var eventOverflow = ScanEvents(chunk);
            if (eventOverflow >= 0 && eventOverflow <= allowed)
            {
                allowed = eventOverflow;
                broken = ChatbotOutcome.EventTooLarge;
            }
        }

        _position += allowed;
        if (broken is { } outcome)
        {
            _pendingFailure = new ChatbotLimitExceededException(
                outcome, outcome == ChatbotOutcome.EventTooLarge ? _maxEventBytes : _maxResponseBytes);
            if (allowed == 0)
            {
                throw _pendingFailure;
            }
        }

        return (int)allowed;
    }

    /// <summary>
    /// Follows event boundaries through a chunk. Returns the index in the chunk of the first byte that makes an
    /// event exceed its limit, or -1 when every event fits.
    /// </summary>
    private long ScanEvents(ReadOnlySpan<byte> chunk)
    {
        var chunkStart = _position;
        if (TryFollowLineFeedOnlyChunk(chunk, chunkStart))
        {
            return -1;
        }

        var i = 0;

        if (_pendingCarriageReturn)
        {
            // The previous chunk ended in CR: an LF here is the second half of that CRLF newline.
            _pendingCarriageReturn = false;
            if (chunk[0] == LF)
            {
                i = 1;
            }

            if (_pendingCarriageReturnEndsEvent && !TryEndEvent(chunkStart + i))
            {
                return OverflowIndex(chunkStart);
            }
        }

        while (i < chunk.Length)
        {
            // A newline right at the start of a line (the blank line after an event) is found without a search.
            var found = 0;
            if (chunk[i] is not (CR or LF))
            {
                found = chunk[(i + 1)..].IndexOfAny(CR, LF);
                if (found < 0)
                {
                    _lineHasContent = true;
                    break;
                }

                found++;
            }

            var newline = i + found;
            var blank = found == 0 && !_lineHasContent;
            _lineHasContent = false;

            int end;
            if (chunk[newline] == LF)
            {
                end = newline + 1;
            }
            else if (newline + 1 < chunk.Length)
            {
                end = chunk[newline + 1] == LF ? newline + 2 : newline + 1;
            }
            else
            {
                // CR at the end of the chunk: whether an LF follows is only known on the next read.
                _pendingCarriageReturn = true;
                _pendingCarriageReturnEndsEvent = blank;
                break;
            }

            // Spec (HTML, SSE): "If the line is empty (a blank line): dispatch the event". The event ends after its newline.
            if (blank && !TryEndEvent(chunkStart + end))
            {
                return OverflowIndex(chunkStart);
            }

            i = end;
        }

        // The event still open at the end of the chunk (including a pending CR) must fit as far as it goes.
        return chunkStart + chunk.Length - _eventStart > _maxEventBytes ? OverflowIndex(chunkStart) : -1;
    }

    /// <summary>
    /// The common case in one backward search: a chunk with no CR (nearly every stream uses LF alone) that cannot
    /// hold an oversized event, because even the event open before it would fit if it ran to the chunk's end. Then
    /// only the last event boundary matters: with LF alone, an LF right after an LF is a blank line.
    /// </summary>
    private bool TryFollowLineFeedOnlyChunk(ReadOnlySpan<byte> chunk, long chunkStart)
    {
        if (_pendingCarriageReturn || chunkStart + chunk.Length - _eventStart > _maxEventBytes || chunk.Contains(CR))
        {
            return false;
        }

        var lastBlank = chunk.LastIndexOf("\n\n"u8);
        if (lastBlank >= 0)
        {
            _eventStart = chunkStart + lastBlank + 2;
        }
        else if (chunk[0] == LF && !_lineHasContent)
        {
            _eventStart = chunkStart + 1;
        }

        _lineHasContent = chunk[^1] != LF;
        return true;
    }

    private bool TryEndEvent(long end)
    {
        if (end - _eventStart > _maxEventBytes)
        {
            return false;
        }

        _eventStart = end;
        return true;
    }

    // The byte that breaks the limit is the (max + 1)th of the open event. Earlier chunks kept the open event within
    // the limit, so it always lies in the current chunk.
    private long OverflowIndex(long chunkStart) => _eventStart + _maxEventBytes - chunkStart;
}

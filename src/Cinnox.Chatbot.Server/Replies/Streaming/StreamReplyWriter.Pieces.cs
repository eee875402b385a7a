using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Server;

/// <content>
/// Large events written piece by piece, straight to the response between two other events: each piece is handed on
/// before the next is escaped, so the response's backpressure holds the writer (and the handler behind it) a few
/// pieces ahead of the socket, instead of an event of up to <see cref="ChatbotLimits.MaxEventBytes"/>
/// being copied whole through every buffer on its way out.
/// </content>
internal sealed partial class StreamReplyWriter
{
    // The bytes around an event whose data is one line (as WriteEvent frames it), with the text reply's prefix.
    private static readonly byte[] PieceEventStart = [.. "data: "u8, .. ChatbotWire.TextPrefix];
    private static readonly byte[] DeltaPieceEventEnd = [.. ChatbotWire.DeltaSuffix, .. "\n\n"u8];
    private static readonly byte[] FinalPieceEventEnd = [.. ChatbotWire.FinalSuffix, .. "\n\n"u8];

    private bool _writingPieces;
    private bool _nextPiecesReady;
    private ReadOnlyMemory<byte> _nextFirstPiece;

    /// <summary>
    /// Writes the event begun in pieces, then moves on. Called again for the next large event while one is being
    /// written, it only notes it for the loop in <see cref="WritePiecesThenAdvanceAsync"/>: a run of large events
    /// whose writes complete at once must not nest one call per event.
    /// </summary>
    private ValueTask<bool> WritePieces(ReadOnlyMemory<byte> first)
    {
        if (!_writingPieces)
        {
            return WritePiecesThenAdvanceAsync(first);
        }

        _nextFirstPiece = first;
        _nextPiecesReady = true;
        return new(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> WritePiecesThenAdvanceAsync(ReadOnlyMemory<byte> first)
    {
        _writingPieces = true;
        try
        {
            while (true)
            {
                var isFinal = _phase == Phase.Done;
                if (!await WritePiecesAsync(first, isFinal).ConfigureAwait(false))
                {
                    return false;
                }

                if (isFinal)
                {
                    return await EndEvents().ConfigureAwait(false);
                }

                // What is left of the text (or the cut) is for the next event, as after a built one.
                var next = await AdvanceEvents().ConfigureAwait(false);
                if (!_nextPiecesReady)
                {
                    return next;
                }

                _nextPiecesReady = false;
                first = _nextFirstPiece;
                _nextFirstPiece = default;
            }
        }
        finally
        {
            _writingPieces = false;
        }
    }

    /// <summary>Writes one event in pieces; false when the platform disconnected on the way.</summary>
    private async ValueTask<bool> WritePiecesAsync(ReadOnlyMemory<byte> first, bool isFinal)
    {
        await WriteOutAsync(PieceEventStart).ConfigureAwait(false);
        var piece = first;
        do
        {
            if (_requestAborted.IsCancellationRequested)
            {
                // The rest of the event would go nowhere; the writer notes the disconnect and stops.
                _phase = Phase.Done;
                Disconnected(pending: null);
                return false;
            }

            await WriteOutAsync(piece.Span).ConfigureAwait(false);
        }
        while (_encoder.TryNextPiece(out piece));

        await WriteOutAsync(isFinal ? FinalPieceEventEnd : DeltaPieceEventEnd).ConfigureAwait(false);
        EventCount++;
        BytesWritten += _encoder.PieceEventBytes + ReplyFraming.EventFraming;
        return true;
    }
}

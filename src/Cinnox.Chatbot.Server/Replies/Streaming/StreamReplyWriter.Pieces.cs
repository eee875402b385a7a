using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Server;

/// <content>
/// Large events written piece by piece, straight to the response between two of <see cref="System.Net.ServerSentEvents.SseFormatter"/>'s
/// events: each piece is handed on before the next is escaped, so the response's backpressure holds the writer (and the
/// handler behind it) a few pieces ahead of the socket, instead of an event of up to <see cref="ChatbotLimits.MaxEventBytes"/>
/// being copied whole through every buffer on its way out.
/// </content>
internal sealed partial class StreamReplyWriter
{
    // The bytes SseFormatter writes around an event whose data is one line, with the text reply's prefix.
    private static readonly byte[] PieceEventStart = [.. "data: "u8, .. ChatbotWire.TextPrefix];
    private static readonly byte[] DeltaPieceEventEnd = [.. ChatbotWire.DeltaSuffix, .. "\n\n"u8];
    private static readonly byte[] FinalPieceEventEnd = [.. ChatbotWire.FinalSuffix, .. "\n\n"u8];

    /// <summary>Writes the event begun in pieces, then moves to the next event for <see cref="System.Net.ServerSentEvents.SseFormatter"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> WritePiecesThenAdvanceAsync(ReadOnlyMemory<byte> first)
    {
        var isFinal = _phase == Phase.Done;
        await _destination.WriteAsync(PieceEventStart, CancellationToken.None).ConfigureAwait(false);
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

            await _destination.WriteAsync(piece, CancellationToken.None).ConfigureAwait(false);
        }
        while (_encoder.TryNextPiece(out piece));

        await _destination.WriteAsync(isFinal ? FinalPieceEventEnd : DeltaPieceEventEnd, CancellationToken.None).ConfigureAwait(false);
        _unflushed = true;
        EventCount++;
        BytesWritten += _encoder.PieceEventBytes + ReplyFraming.EventFraming;
        if (!isFinal)
        {
            // What is left of the text (or the cut) is for the next event, as after a built one.
            return await AdvanceEvents().ConfigureAwait(false);
        }

        return await EndEvents().ConfigureAwait(false);
    }
}

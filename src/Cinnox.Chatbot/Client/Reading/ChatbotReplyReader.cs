using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// Reads one reply body — JSON or a Server-Sent-Events stream — within the size limits, and builds the
/// <see cref="ChatbotReply"/> (docs/client.md#reading-replies). One instance per reply; not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// This file drives the reading: <see cref="ChatbotBodySniffer"/> decides what the body is, a JSON body is read
/// whole, and a stream is parsed by <see cref="SseParser"/> over a <see cref="LimitedReadStream"/> with
/// <see cref="ChatbotEventDecoder"/> as its item parser — a pure function of each event's bytes. Each decoded event is
/// then applied to the reply in the enumeration loop (<c>ChatbotReplyReader.Accumulation.cs</c>), and the reply is
/// built at the end (<c>ChatbotReplyReader.Reply.cs</c>). Text is decoded straight into pooled segments
/// (<see cref="TextAccumulator"/>): no string, document or object per event.
/// </para>
/// <para>
/// Exceptions from the body (size limits, broken connections, cancellation) propagate to the caller, which
/// decides the outcome and passes it to <see cref="CreateReply"/>; <see cref="Classify"/> names the usual ones.
/// Everything received before the failure is kept.
/// </para>
/// </remarks>
internal sealed partial class ChatbotReplyReader : IDisposable
{
    private const int JsonReadChunk = 16 * 1024;

    private readonly ChatbotLimits _limits;
    private readonly bool _transferToLiveAgent;
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;
    private readonly SseItemParser<DecodedEvent> _eventParser;
    private readonly JsonReaderOptions _eventReaderOptions;

    private readonly TextAccumulator _text = new();
    private readonly ReplyWarnings _warnings;
    private LimitedReadStream? _body;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="limits">The size limits of the reply (the time limit is the caller's).</param>
    /// <param name="transferToLiveAgent">Whether a <c>DIRECT_TRANSFER</c> reply may transfer.</param>
    /// <param name="timeProvider">The clock for <see cref="ChatbotTimings"/>.</param>
    /// <param name="startTimestamp">When the request was sent, on <paramref name="timeProvider"/>.</param>
    public ChatbotReplyReader(ChatbotLimits limits, bool transferToLiveAgent = false, TimeProvider? timeProvider = null, long? startTimestamp = null)
    {
        _limits = limits;
        _transferToLiveAgent = transferToLiveAgent;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _startTimestamp = startTimestamp ?? _timeProvider.GetTimestamp();
        _warnings = new ReplyWarnings(limits.MaxWarnings);
        _eventReaderOptions = ProtocolReadBudget.ReaderOptions(limits);
        _eventParser = DecodeEvent;
    }

    /// <summary>Gets a value indicating whether the body was read as an event stream.</summary>
    public bool Streamed { get; private set; }

    /// <summary>Gets the number of body bytes read.</summary>
    public long BytesRead => _body?.BytesRead ?? 0;

    /// <summary>Gets how many warnings <see cref="ReadUpdatesAsync"/> has yielded; a reply's later warnings follow them.</summary>
    public int YieldedWarningCount => _warnings.Yielded;

    /// <summary>Gets the warnings so far.</summary>
    public IReadOnlyList<ChatbotWarning> Warnings => _warnings.Items;

    /// <summary>
    /// Gets or sets what to do when a streamed event completes the message while the body goes on: the client starts
    /// the time it still reads for (<see cref="ChatbotLimits.FinalEventDrainTime"/>).
    /// </summary>
    public Action? MessageCompleted { get; set; }

    /// <summary>Notes that the client stopped reading a stream the bot kept open after the message was complete.</summary>
    /// <param name="waited">How long the client went on reading.</param>
    public void NoteStreamKeptOpen(TimeSpan waited) =>
        _warnings.Add(ChatbotWarningCodes.StreamKeptOpen, string.Create(CultureInfo.InvariantCulture,
            $"The chatbot kept the stream open after the message was complete; the client stopped reading after {waited.TotalSeconds:0.###} s and closed the connection."));

    /// <summary>
    /// Names the outcome of an exception thrown while a body was read: a size limit, or a connection that broke
    /// (<see cref="ChatbotOutcome.Interrupted"/>). Returns <see langword="null"/> for anything else, cancellation included.
    /// </summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>The outcome, or <see langword="null"/>.</returns>
    public static ChatbotOutcome? Classify(Exception exception) => exception switch
    {
        ChatbotLimitExceededException limit => limit.Outcome,
        IOException or HttpRequestException => ChatbotOutcome.Interrupted,
        _ => null,
    };

    /// <summary>Reads the whole body, keeping the text; nothing is yielded along the way.</summary>
    /// <param name="body">The body.</param>
    /// <param name="mediaType">The media type of its <c>Content-Type</c>, or <see langword="null"/> when there is none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the body has ended.</returns>
    public async Task ReadToEndAsync(Stream body, string? mediaType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parser = await OpenAsync(body, mediaType, cancellationToken).ConfigureAwait(false);
        if (parser is null)
        {
            return;
        }

        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Apply(item.Data) == AppliedEvent.Done)
            {
                break;
            }
        }
    }

    /// <summary>Reads the whole body, yielding text deltas, replacements and warnings as they arrive.</summary>
    /// <param name="body">The body.</param>
    /// <param name="mediaType">The media type of its <c>Content-Type</c>, or <see langword="null"/> when there is none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The updates; never <see cref="ChatbotReplyUpdateKind.Completed"/>, which the caller makes with <see cref="CreateReply"/>.</returns>
    public async IAsyncEnumerable<ChatbotReplyUpdate> ReadUpdatesAsync(Stream body, string? mediaType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parser = await OpenAsync(body, mediaType, cancellationToken).ConfigureAwait(false);
        if (parser is null)
        {
            if (_jsonMessage is ChatbotTextMessage { Text.Length: > 0 } text)
            {
                yield return ChatbotReplyUpdate.Delta(text.Text);
            }
        }
        else
        {
            await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                var decoded = item.Data;
                switch (Apply(decoded))
                {
                    case AppliedEvent.Done:
                        yield break;
                    case AppliedEvent.Delta:
                        yield return ChatbotReplyUpdate.Delta(new string(_text.Pending(decoded.TextLength)));
                        break;
                    case AppliedEvent.Replace:
                        yield return ChatbotReplyUpdate.Replace(_text.ToString());
                        break;
                }

                while (_warnings.TryTakeNext(out var warning))
                {
                    yield return ChatbotReplyUpdate.ForWarning(warning);
                }
            }
        }

        while (_warnings.TryTakeNext(out var warning))
        {
            yield return ChatbotReplyUpdate.ForWarning(warning);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _body?.Dispose();
        _text.Dispose();
    }

    private DecodedEvent DecodeEvent(string eventType, ReadOnlySpan<byte> data) =>
        ChatbotEventDecoder.Decode(eventType, data, _text, _eventReaderOptions);

    /// <summary>Opens the body: reads a JSON reply whole (returning <see langword="null"/>) or returns the event parser.</summary>
    private async ValueTask<SseParser<DecodedEvent>?> OpenAsync(Stream body, string? mediaType, CancellationToken cancellationToken)
    {
        var kind = ChatbotBodySniffer.GetBodyKind(mediaType);
        if (kind == ChatbotBodyKind.Unknown)
        {
            if (!string.IsNullOrEmpty(mediaType))
            {
                _warnings.Add(ChatbotWarningCodes.UnexpectedContentType,
                    $"The reply's Content-Type is '{mediaType}', neither JSON nor text/event-stream; the body was read by its first byte.");
            }

            (kind, body) = await ChatbotBodySniffer.SniffAsync(body, _limits.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }

        if (kind == ChatbotBodyKind.Json)
        {
            _body = new LimitedReadStream(body, _limits.MaxResponseBytes, maxEventBytes: null);
            await ReadJsonAsync(_body, cancellationToken).ConfigureAwait(false);
            return null;
        }

        Streamed = true;
        _body = new LimitedReadStream(body, _limits.MaxResponseBytes, _limits.MaxEventBytes);
        return SseParser.Create(_body, _eventParser);
    }

    private async ValueTask ReadJsonAsync(LimitedReadStream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(JsonReadChunk);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    ChatbotBodySniffer.Grow(ref buffer, length);
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            ApplyJson(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

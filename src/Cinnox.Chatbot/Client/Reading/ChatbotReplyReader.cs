using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Cinnox.Chatbot;

/// <summary>
/// Reads one reply body — JSON or a Server-Sent-Events stream — within the size limits, and builds the
/// <see cref="ChatbotReply"/> (SPEC §3.3, §4, §5). One instance per reply; not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Streams are parsed by <see cref="SseParser"/> over a <see cref="LimitedReadStream"/>. Each event's data is read
/// where the parser holds it — the compact shape nearly every bot sends by a few span comparisons, anything else
/// with a <see cref="Utf8JsonReader"/> — and its text is decoded straight into pooled segments
/// (<see cref="TextAccumulator"/>): no string, document or object per event. Strings per delta are only made for
/// <see cref="ReadUpdatesAsync"/>, whose consumers need them.
/// </para>
/// <para>
/// Exceptions from the body (size limits, broken connections, cancellation) propagate to the caller, which
/// decides the outcome and passes it to <see cref="CreateReply"/>; <see cref="Classify"/> names the usual ones.
/// Everything received before the failure is kept.
/// </para>
/// </remarks>
internal sealed class ChatbotReplyReader : IDisposable
{
    /// <summary>The most warnings a reply keeps one by one; the rest are counted in one last warning.</summary>
    public const int MaxWarnings = 32;

    private const int JsonReadChunk = 16 * 1024;

    // A JSON string's raw text ends at a quote; a backslash (escape) or a control character (invalid JSON) sends it to the full reader.
    private static readonly SearchValues<byte> StringStopBytes = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly JsonReaderOptions EventReaderOptions = new() { MaxDepth = ChatbotJson.MaxDepth };

    private readonly ChatbotLimits _limits;
    private readonly bool _transferToLiveAgent;
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;
    private readonly SseItemParser<StreamEvent> _eventParser;

    private readonly TextAccumulator _text = new();
    private List<ChatbotWarning>? _warnings;
    private int _suppressedWarnings;
    private bool _warnedUnknownStreamType;
    private bool _warnedAfterFinal;
    private ChatbotMessage? _jsonMessage;
    private string? _invalidReason;
    private bool _sawMessage;
    private bool _complete;
    private long? _firstTextTimestamp;
    private LimitedReadStream? _body;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="limits">The size limits of the reply (the time limit is the caller's).</param>
    /// <param name="transferToLiveAgent">Whether a <c>DIRECT_TRANSFER</c> reply may transfer (SPEC §3.1).</param>
    /// <param name="timeProvider">The clock for <see cref="ChatbotTimings"/>.</param>
    /// <param name="startTimestamp">When the request was sent, on <paramref name="timeProvider"/>.</param>
    public ChatbotReplyReader(ChatbotLimits limits, bool transferToLiveAgent = false, TimeProvider? timeProvider = null, long? startTimestamp = null)
    {
        _limits = limits;
        _transferToLiveAgent = transferToLiveAgent;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _startTimestamp = startTimestamp ?? _timeProvider.GetTimestamp();
        _eventParser = ParseEvent;
    }

    private enum StreamEventKind : byte
    {
        None,
        Done,
        Delta,
        Replace,
    }

    private enum StreamTypeKind : byte
    {
        Absent,
        Delta,
        Terminal,
        Unknown,
    }

    /// <summary>Gets a value indicating whether the body was read as an event stream.</summary>
    public bool Streamed { get; private set; }

    /// <summary>Gets a value indicating whether the message is complete (a terminal event, <c>[DONE]</c>, or a whole JSON reply).</summary>
    public bool IsMessageComplete => _complete;

    /// <summary>Gets the number of body bytes read.</summary>
    public long BytesRead => _body?.BytesRead ?? 0;

    /// <summary>Gets how many warnings <see cref="ReadUpdatesAsync"/> has yielded; a reply's later warnings follow them.</summary>
    public int YieldedWarningCount { get; private set; }

    /// <summary>
    /// Gets or sets what to do when a streamed event completes the message while the body goes on: the client starts
    /// the time it still reads for (<see cref="ChatbotLimits.FinalEventDrainTime"/>).
    /// </summary>
    public Action? MessageCompleted { get; set; }

    /// <summary>Notes that the client stopped reading a stream the bot kept open after the message was complete.</summary>
    /// <param name="waited">How long the client went on reading.</param>
    public void NoteStreamKeptOpen(TimeSpan waited) =>
        AddWarning(ChatbotWarningCodes.StreamKeptOpen, string.Create(CultureInfo.InvariantCulture,
            $"The chatbot kept the stream open after the message was complete; the client stopped reading after {waited.TotalSeconds:0.###} s and closed the connection."));

    /// <summary>Gets the warnings so far.</summary>
    public IReadOnlyList<ChatbotWarning> Warnings => _warnings ?? (IReadOnlyList<ChatbotWarning>)[];

    /// <summary>Decides how to read a body from its media type.</summary>
    /// <param name="mediaType">The media type of the <c>Content-Type</c> header, or <see langword="null"/> when there is none.</param>
    /// <returns>The kind; <see cref="ChatbotBodyKind.Unknown"/> means "decide by the first byte".</returns>
    public static ChatbotBodyKind GetBodyKind(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
        {
            return ChatbotBodyKind.Unknown;
        }

        return ChatbotMediaTypes.IsEventStream(mediaType) ? ChatbotBodyKind.EventStream
            : ChatbotMediaTypes.IsJson(mediaType) ? ChatbotBodyKind.Json
            : ChatbotBodyKind.Unknown;
    }

    /// <summary>
    /// Reads a whole body into a reply, for callers with a body in hand (a stream captured earlier, a benchmark).
    /// Size limits and broken bodies end the reply with their outcome; cancellation throws.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="mediaType">The media type of its <c>Content-Type</c>, or <see langword="null"/> to decide by its first byte.</param>
    /// <param name="limits">The size limits; the defaults when <see langword="null"/>.</param>
    /// <param name="transferToLiveAgent">Whether a <c>DIRECT_TRANSFER</c> reply may transfer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reply.</returns>
    public static async Task<ChatbotReply> ReadReplyAsync(
        Stream body, string? mediaType, ChatbotLimits? limits = null, bool transferToLiveAgent = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var reader = new ChatbotReplyReader(limits ?? new ChatbotLimits(), transferToLiveAgent);
        try
        {
            await reader.ReadToEndAsync(body, mediaType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Classify(exception) is { } outcome)
        {
            return reader.CreateReply(outcome, exception.Message, statusCode: null, timeToFirstByte: null);
        }

        return reader.CreateReply(null, null, statusCode: null, timeToFirstByte: null);
    }

    /// <summary>
    /// Names the outcome of an exception thrown while a body was read: a size limit, or a connection that broke
    /// (<see cref="ChatbotOutcome.Interrupted"/>). Returns <see langword="null"/> for anything else, cancellation included.
    /// </summary>
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
            if (item.Data.Kind == StreamEventKind.Done)
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
                var streamEvent = item.Data;
                switch (streamEvent.Kind)
                {
                    case StreamEventKind.Done:
                        yield break;
                    case StreamEventKind.Delta:
                        yield return ChatbotReplyUpdate.Delta(new string(_text.Pending(streamEvent.Length)));
                        break;
                    case StreamEventKind.Replace:
                        yield return ChatbotReplyUpdate.Replace(_text.ToString());
                        break;
                }

                while (_warnings is not null && YieldedWarningCount < _warnings.Count)
                {
                    yield return ChatbotReplyUpdate.ForWarning(_warnings[YieldedWarningCount++]);
                }
            }
        }

        while (_warnings is not null && YieldedWarningCount < _warnings.Count)
        {
            yield return ChatbotReplyUpdate.ForWarning(_warnings[YieldedWarningCount++]);
        }
    }

    /// <summary>Builds the reply from what was read.</summary>
    /// <param name="failure">How reading ended abnormally, or <see langword="null"/> when the body ended normally.</param>
    /// <param name="failureReason">Why, for <see cref="ChatbotReply.FailureReason"/>.</param>
    /// <param name="statusCode">The HTTP status code, if any.</param>
    /// <param name="timeToFirstByte">When the response headers arrived.</param>
    /// <returns>The reply.</returns>
    public ChatbotReply CreateReply(ChatbotOutcome? failure, string? failureReason, int? statusCode, TimeSpan? timeToFirstByte)
    {
        var outcome = ChatbotOutcome.Completed;
        string? reason = null;
        if (failure is { } failed)
        {
            if (_complete)
            {
                // SPEC §4: once a terminal event has arrived the message is complete; what happens to the rest of
                // the body cannot take it back.
                AddWarning(ChatbotWarningCodes.AbnormalEndAfterFinal,
                    $"The body ended abnormally after the message was complete ({failureReason}); the reply is complete.");
            }
            else
            {
                outcome = failed;
                reason = failureReason;
            }
        }
        else if (_invalidReason is not null)
        {
            outcome = ChatbotOutcome.InvalidResponse;
            reason = _invalidReason;
        }
        else if (!_sawMessage)
        {
            outcome = ChatbotOutcome.InvalidResponse;
            reason = Streamed
                ? "The event stream ended without any message event."
                : "The reply body is empty; expected {\"message\": {...}}.";
        }

        var text = _jsonMessage is ChatbotTextMessage jsonText ? jsonText.Text ?? string.Empty : _text.ToString();
        var message = _jsonMessage;
        if (message is null && (text.Length > 0 || (_sawMessage && outcome == ChatbotOutcome.Completed)))
        {
            message = new ChatbotTextMessage(text);
        }

        var action = ChatbotAction.None;
        if (outcome == ChatbotOutcome.Completed && message is ChatbotTextMessage)
        {
            action = ChatbotKeywords.GetAction(text);
            if (action == ChatbotAction.DirectTransfer && !_transferToLiveAgent)
            {
                // SPEC §3.1: the platform keeps the chatbot and records a warning. The keyword stays in Text and Message.
                action = ChatbotAction.None;
                AddWarning(ChatbotWarningCodes.TransferNotEnabled,
                    "The reply is DIRECT_TRANSFER but 'Transfer Chatbot to Live Agent' is off for this destination; the enquiry stays with the chatbot.");
            }
        }

        if (_suppressedWarnings > 0)
        {
            _warnings!.Add(new ChatbotWarning(ChatbotWarningCodes.WarningsSuppressed,
                string.Create(CultureInfo.InvariantCulture, $"{_suppressedWarnings} more warnings were dropped; a reply keeps at most {MaxWarnings}.")));
            _suppressedWarnings = 0;
        }

        var now = _timeProvider.GetTimestamp();
        return new ChatbotReply
        {
            Outcome = outcome,
            Message = message,
            Text = text,
            Action = action,
            Streamed = Streamed,
            StatusCode = statusCode,
            Warnings = _warnings is null ? [] : [.. _warnings],
            Timings = new ChatbotTimings(
                timeToFirstByte,
                _firstTextTimestamp is { } first ? _timeProvider.GetElapsedTime(_startTimestamp, first) : null,
                _timeProvider.GetElapsedTime(_startTimestamp, now)),
            BytesRead = BytesRead,
            FailureReason = reason,
        };
    }

    public void Dispose()
    {
        _body?.Dispose();
        _text.Dispose();
    }

    /// <summary>Opens the body: reads a JSON reply whole (returning <see langword="null"/>) or returns the event parser.</summary>
    private async ValueTask<SseParser<StreamEvent>?> OpenAsync(Stream body, string? mediaType, CancellationToken cancellationToken)
    {
        var kind = GetBodyKind(mediaType);
        if (kind == ChatbotBodyKind.Unknown)
        {
            if (!string.IsNullOrEmpty(mediaType))
            {
                AddWarning(ChatbotWarningCodes.UnexpectedContentType,
                    $"The reply's Content-Type is '{mediaType}', neither JSON nor text/event-stream; the body was read by its first byte.");
            }

            (kind, body) = await SniffAsync(body, _limits.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// SPEC §4: a body without a usable Content-Type is JSON when its first non-space byte is <c>{</c>, else an event
    /// stream. The bytes read to decide are replayed. Only white space is ever held beyond one read, and never more
    /// than the response limit.
    /// </summary>
    private static async ValueTask<(ChatbotBodyKind Kind, Stream Body)> SniffAsync(Stream body, int maxResponseBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(512);
        var length = 0;
        var kind = ChatbotBodyKind.Json;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxResponseBytes)
                    {
                        // Only white space so far, and more of it than a response may hold: let the limit say so.
                        kind = ChatbotBodyKind.EventStream;
                        break;
                    }

                    Grow(ref buffer, length);
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var start = length;
                length += read;
                var content = buffer.AsSpan(0, length);
                var searchFrom = start;
                if (content.StartsWith(Utf8Bom))
                {
                    searchFrom = Math.Max(searchFrom, Utf8Bom.Length);
                }
                else if (Utf8Bom.StartsWith(content))
                {
                    continue;
                }

                var first = content[searchFrom..].IndexOfAnyExcept(" \t\r\n"u8);
                if (first >= 0)
                {
                    kind = content[searchFrom + first] == (byte)'{' ? ChatbotBodyKind.Json : ChatbotBodyKind.EventStream;
                    break;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return (kind, new ReplayReadStream(buffer, length, body));
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Doubles a pooled buffer, keeping its first <paramref name="length"/> bytes.</summary>
    private static void Grow(ref byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
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
                    Grow(ref buffer, length);
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

    private void ApplyJson(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (json.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            _invalidReason = "The reply body is empty; expected {\"message\": {...}}.";
            return;
        }

        ChatbotMessage message;
        try
        {
            message = ChatbotJson.ParseReply(json);
        }
        catch (ChatbotProtocolException exception)
        {
            _invalidReason = exception.Message;
            return;
        }

        _jsonMessage = message;
        _sawMessage = true;
        _complete = true;
        if (message is ChatbotUnknownMessage unknown)
        {
            AddWarning(ChatbotWarningCodes.UnknownMessageType, string.Create(CultureInfo.InvariantCulture,
                $"The reply's message has type {(unknown.TypeNumber is { } type ? type.ToString(CultureInfo.InvariantCulture) : "(none)")}, which this SDK does not know; it is kept as it is."));
            return;
        }

        if (message is ChatbotTextMessage { Text.Length: > 0 })
        {
            _firstTextTimestamp = _timeProvider.GetTimestamp();
        }

        foreach (var issue in ChatbotMessageValidator.Validate(message))
        {
            AddWarning(issue.Code, "The reply's message: " + issue);
        }
    }

    /// <summary>
    /// Reads one event where the parser holds it and applies it at once (SPEC §4). Runs inside the parser's
    /// enumeration, so it sees the state every earlier event left.
    /// </summary>
    private StreamEvent ParseEvent(string eventType, ReadOnlySpan<byte> data)
    {
        // Spec: events whose event name is not "message" are not CINNOX messages. The parser hands the default
        // name as the same instance, so the common case is a reference check.
        if (!ReferenceEquals(eventType, SseParser.EventTypeDefault) && !string.Equals(eventType, SseParser.EventTypeDefault, StringComparison.Ordinal))
        {
            return default;
        }

        if (data.Length < 16 && data.Trim(" \t"u8).SequenceEqual("[DONE]"u8))
        {
            _complete = true;
            return new StreamEvent(StreamEventKind.Done, 0);
        }

        int? type;
        int textLength;
        StreamTypeKind streamType;
        try
        {
            if (!TryReadSimpleEvent(data, out type, out textLength, out streamType) &&
                !TryReadEvent(data, out type, out textLength, out streamType, out var problem))
            {
                AddWarning(ChatbotWarningCodes.MalformedEvent, $"A streamed event was skipped: {problem}");
                return default;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            AddWarning(ChatbotWarningCodes.MalformedEvent, "A streamed event was skipped: its data is not valid JSON (" + exception.Message + ")");
            return default;
        }

        if (_complete)
        {
            if (!_warnedAfterFinal)
            {
                _warnedAfterFinal = true;
                AddWarning(ChatbotWarningCodes.EventAfterFinal, "Events arrived after the message was complete; they were ignored.");
            }

            return default;
        }

        if (type != ChatbotMessageType.Text.Value)
        {
            if (type == ChatbotMessageType.Advanced.Value)
            {
                AddWarning(ChatbotWarningCodes.AdvancedMessageInStream,
                    "An advanced message arrived inside the stream and was dropped: only text messages stream; a bot sends an advanced message as a JSON reply.");
            }
            else
            {
                AddWarning(ChatbotWarningCodes.UnknownMessageType, type is { } number
                    ? string.Create(CultureInfo.InvariantCulture, $"A streamed event with message type {number} was dropped: only text messages (type 1) stream.")
                    : "A streamed event whose message has no numeric type was dropped: only text messages (type 1) stream.");
            }

            return default;
        }

        _sawMessage = true;
        if (streamType is StreamTypeKind.Delta or StreamTypeKind.Unknown)
        {
            if (textLength == 0)
            {
                return default;
            }

            _firstTextTimestamp ??= _timeProvider.GetTimestamp();
            _text.Commit(textLength);
            return new StreamEvent(StreamEventKind.Delta, textLength);
        }

        // Absent or terminal: the event carries the whole message; non-empty text replaces what came before.
        _complete = true;
        MessageCompleted?.Invoke();
        if (textLength == 0 || _text.PendingEqualsText(textLength))
        {
            return default;
        }

        _text.ReplaceWithPending(textLength);
        _firstTextTimestamp ??= _timeProvider.GetTimestamp();
        return new StreamEvent(StreamEventKind.Replace, textLength);
    }

    /// <summary>
    /// The fast path for the shape nearly every bot sends: <c>{"message":{"type":1,"text":"...","streamType":"delta"}}</c>
    /// with these properties in any order, no white space, and text without escapes. It accepts nothing the full
    /// reader would reject and reads it the same way; anything else returns <see langword="false"/> and goes through
    /// <see cref="TryReadEvent"/>. Hand-written because tokenizing ~60 bytes with <see cref="Utf8JsonReader"/> costs
    /// several times what <see cref="SseParser"/> spends on the whole event.
    /// </summary>
    private bool TryReadSimpleEvent(ReadOnlySpan<byte> data, out int? type, out int textLength, out StreamTypeKind streamType)
    {
        type = null;
        textLength = 0;
        streamType = StreamTypeKind.Absent;

        // The seed's own example, in its own order, is what most bots send: two comparisons and one decode.
        if (data.StartsWith(ChatbotWire.TextPrefix))
        {
            var text = data[ChatbotWire.TextPrefix.Length..];
            var end = text.IndexOfAny(StringStopBytes);
            if (end >= 0 && text[end] == (byte)'"' && text[end..].SequenceEqual("\",\"streamType\":\"delta\"}}"u8) &&
                Utf8.ToUtf16(text[..end], _text.GetPendingSpan(end), out _, out textLength, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                type = 1;
                streamType = StreamTypeKind.Delta;
                return true;
            }
        }

        if (!data.StartsWith(ChatbotWire.MessagePrefix))
        {
            return false;
        }

        var rest = data[ChatbotWire.MessagePrefix.Length..];
        while (true)
        {
            if (rest.StartsWith("\"type\":"u8))
            {
                rest = rest["\"type\":"u8.Length..];
                var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                if (digits is <= 0 or > 9 || (digits > 1 && rest[0] == (byte)'0'))
                {
                    return false;
                }

                var number = 0;
                foreach (var digit in rest[..digits])
                {
                    number = (number * 10) + (digit - '0');
                }

                type = number;
                rest = rest[digits..];
            }
            else if (rest.StartsWith("\"text\":\""u8))
            {
                rest = rest["\"text\":\""u8.Length..];
                var end = rest.IndexOfAny(StringStopBytes);
                if (end < 0 || rest[end] != (byte)'"')
                {
                    return false;
                }

                if (Utf8.ToUtf16(rest[..end], _text.GetPendingSpan(end), out _, out textLength, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    return false;
                }

                rest = rest[(end + 1)..];
            }
            else if (rest.StartsWith("\"streamType\":\""u8))
            {
                rest = rest["\"streamType\":\""u8.Length..];
                var end = rest.IndexOfAny(StringStopBytes);
                if (end < 0 || rest[end] != (byte)'"')
                {
                    return false;
                }

                var value = rest[..end];
                streamType = value.SequenceEqual("delta"u8) || Ascii.EqualsIgnoreCase(value, "delta"u8) ? StreamTypeKind.Delta
                    : ChatbotWire.IsTerminalStreamType(value) ? StreamTypeKind.Terminal
                    : StreamTypeKind.Unknown;
                if (streamType == StreamTypeKind.Unknown)
                {
                    // Rare; the full reader reports it.
                    return false;
                }

                rest = rest[(end + 1)..];
            }
            else
            {
                return false;
            }

            if (rest.Length > 0 && rest[0] == (byte)',')
            {
                rest = rest[1..];
                continue;
            }

            return rest.SequenceEqual("}}"u8);
        }
    }

    /// <summary>
    /// Reads <c>{"message":{"type":1,"text":"...","streamType":"..."}}</c> in any property order. The text is
    /// decoded after the accumulated text, where it stays if the event is applied as a delta.
    /// </summary>
    private bool TryReadEvent(ReadOnlySpan<byte> data, out int? type, out int textLength, out StreamTypeKind streamType, out string? problem)
    {
        type = null;
        textLength = 0;
        streamType = StreamTypeKind.Absent;
        problem = null;
        var sawMessage = false;

        var reader = new Utf8JsonReader(data, EventReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "its data is not a JSON object {\"message\": {...}}.";
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "its 'message' is not a JSON object.";
                return false;
            }

            sawMessage = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        textLength = CopyText(ref reader);
                    }
                    else if (reader.TokenType == JsonTokenType.Null)
                    {
                        textLength = 0;
                    }
                    else
                    {
                        problem = $"its 'text' is {JsonReading.Describe(reader.TokenType)}; expected a string.";
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("streamType"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        streamType = ClassifyStreamType(ref reader);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        problem = $"its 'streamType' is {JsonReading.Describe(reader.TokenType)}; expected a string.";
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        type = null;
                    }
                    else
                    {
                        type = JsonReading.ReadTypeNumber(ref reader);
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        // Anything after the object (a second value, stray text) makes the reader throw here.
        if (reader.Read())
        {
            problem = "its data holds more than one JSON value.";
            return false;
        }

        if (!sawMessage)
        {
            problem = "its data has no 'message' object.";
            return false;
        }

        return true;
    }

    private int CopyText(ref Utf8JsonReader reader)
    {
        // A UTF-8 byte never decodes to more than one UTF-16 unit, and escapes shrink, so the raw length is enough room.
        return reader.CopyString(_text.GetPendingSpan(reader.ValueSpan.Length));
    }

    private StreamTypeKind ClassifyStreamType(ref Utf8JsonReader reader)
    {
        StreamTypeKind kind;
        string? value = null;
        if (reader.ValueIsEscaped)
        {
            value = reader.GetString()!;
            var type = new ChatbotStreamType(value);
            kind = type.IsDelta ? StreamTypeKind.Delta : type.IsTerminal ? StreamTypeKind.Terminal : StreamTypeKind.Unknown;
        }
        else
        {
            var span = reader.ValueSpan;
            kind = Ascii.EqualsIgnoreCase(span, "delta"u8) ? StreamTypeKind.Delta
                : ChatbotWire.IsTerminalStreamType(span) ? StreamTypeKind.Terminal
                : StreamTypeKind.Unknown;
        }

        if (kind == StreamTypeKind.Unknown && !_warnedUnknownStreamType)
        {
            _warnedUnknownStreamType = true;
            value ??= reader.GetString();
            AddWarning(ChatbotWarningCodes.UnknownStreamType,
                $"The stream type '{value}' is not one this SDK knows; such events are treated as 'delta'.");
        }

        return kind;
    }

    private void AddWarning(string code, string message)
    {
        _warnings ??= [];
        if (_warnings.Count >= MaxWarnings)
        {
            _suppressedWarnings++;
            return;
        }

        _warnings.Add(new ChatbotWarning(code, message));
    }

    private readonly record struct StreamEvent(StreamEventKind Kind, int Length);
}

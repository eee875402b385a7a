using System.Globalization;

namespace Cinnox.Chatbot;

/// <content>What each event or JSON body does to the reply being read (docs/protocol.md#streaming-replies).</content>
internal sealed partial class ChatbotReplyReader
{
    private ChatbotMessage? _jsonMessage;
    private string? _invalidReason;
    private bool _sawMessage;
    private bool _complete;
    private bool _warnedUnknownStreamType;
    private bool _warnedAfterFinal;
    private long? _firstTextTimestamp;

    /// <summary>What applying one event did to the reply.</summary>
    private enum AppliedEvent : byte
    {
        /// <summary>Nothing the caller shows.</summary>
        None,

        /// <summary>The stream ended (<c>[DONE]</c>).</summary>
        Done,

        /// <summary>Text was appended; the decoded text is the delta.</summary>
        Delta,

        /// <summary>The whole text was replaced.</summary>
        Replace,
    }

    /// <summary>Gets a value indicating whether the message is complete (a terminal event, <c>[DONE]</c>, or a whole JSON reply).</summary>
    public bool IsMessageComplete => _complete;

    /// <summary>Applies one decoded event, in stream order: it may append, replace, complete, or only warn.</summary>
    private AppliedEvent Apply(in DecodedEvent decoded)
    {
        switch (decoded.Kind)
        {
            case DecodedEventKind.Ignored:
                return AppliedEvent.None;
            case DecodedEventKind.Done:
                _complete = true;
                return AppliedEvent.Done;
            case DecodedEventKind.Malformed:
                _warnings.Add(ChatbotWarningCodes.MalformedEvent, $"A streamed event was skipped: {decoded.Problem}");
                return AppliedEvent.None;
        }

        if (decoded.UnknownStreamType is { } unknownStreamType && !_warnedUnknownStreamType)
        {
            _warnedUnknownStreamType = true;
            _warnings.Add(ChatbotWarningCodes.UnknownStreamType,
                $"The stream type '{unknownStreamType}' is not one this SDK knows; such events are treated as 'delta'.");
        }

        if (_complete)
        {
            if (!_warnedAfterFinal)
            {
                _warnedAfterFinal = true;
                _warnings.Add(ChatbotWarningCodes.EventAfterFinal, "Events arrived after the message was complete; they were ignored.");
            }

            return AppliedEvent.None;
        }

        if (decoded.Type != ChatbotMessageType.Text.Value)
        {
            WarnNotText(decoded.Type);
            return AppliedEvent.None;
        }

        _sawMessage = true;
        var textLength = decoded.TextLength;
        if (decoded.StreamType is DecodedStreamType.Delta or DecodedStreamType.Unknown)
        {
            if (textLength == 0)
            {
                return AppliedEvent.None;
            }

            _firstTextTimestamp ??= _timeProvider.GetTimestamp();
            _text.Commit(textLength);
            return AppliedEvent.Delta;
        }

        // Absent or terminal: the event carries the whole message; non-empty text replaces what came before.
        _complete = true;
        MessageCompleted?.Invoke();
        if (textLength == 0 || _text.PendingEqualsText(textLength))
        {
            return AppliedEvent.None;
        }

        _text.ReplaceWithPending(textLength);
        _firstTextTimestamp ??= _timeProvider.GetTimestamp();
        return AppliedEvent.Replace;
    }

    private void WarnNotText(int? type)
    {
        if (type == ChatbotMessageType.Advanced.Value)
        {
            _warnings.Add(ChatbotWarningCodes.AdvancedMessageInStream,
                "An advanced message arrived inside the stream and was dropped: only text messages stream; a bot sends an advanced message as a JSON reply.");
        }
        else
        {
            _warnings.Add(ChatbotWarningCodes.UnknownMessageType, type is { } number
                ? string.Create(CultureInfo.InvariantCulture, $"A streamed event with message type {number} was dropped: only text messages (type 1) stream.")
                : "A streamed event whose message has no numeric type was dropped: only text messages (type 1) stream.");
        }
    }

    /// <summary>Applies a whole JSON body: the message, or why the body is not one.</summary>
    private void ApplyJson(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(ChatbotBodySniffer.Utf8Bom))
        {
            json = json[ChatbotBodySniffer.Utf8Bom.Length..];
        }

        if (json.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            _invalidReason = EmptyBodyReason;
            return;
        }

        ChatbotMessage message;
        try
        {
            message = ChatbotJson.ParseReply(json, _limits);
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
            _warnings.Add(ChatbotWarningCodes.UnknownMessageType, string.Create(CultureInfo.InvariantCulture,
                $"The reply's message has type {(unknown.TypeNumber is { } type ? type.ToString(CultureInfo.InvariantCulture) : "(none)")}, which this SDK does not know; it is kept as it is."));
            return;
        }

        if (message is ChatbotTextMessage { Text.Length: > 0 })
        {
            _firstTextTimestamp = _timeProvider.GetTimestamp();
        }

        foreach (var issue in ChatbotMessageValidator.Validate(message))
        {
            _warnings.Add(issue.Code, "The reply's message: " + issue);
        }
    }
}

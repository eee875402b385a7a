namespace Cinnox.Chatbot;

/// <content>Builds the reply from what was read: its outcome, message, text, action and timings.</content>
internal sealed partial class ChatbotReplyReader
{
    private const string EmptyBodyReason = "The reply body is empty; expected {\"message\": {...}}.";

    /// <summary>Builds the reply from what was read.</summary>
    /// <param name="failure">How reading ended abnormally, or <see langword="null"/> when the body ended normally.</param>
    /// <param name="failureReason">Why, for <see cref="ChatbotReply.FailureReason"/>.</param>
    /// <param name="statusCode">The HTTP status code, if any.</param>
    /// <param name="timeToFirstByte">When the response headers arrived.</param>
    /// <returns>The reply.</returns>
    public ChatbotReply CreateReply(ChatbotOutcome? failure, string? failureReason, int? statusCode, TimeSpan? timeToFirstByte)
    {
        var (outcome, reason) = DecideOutcome(failure, failureReason);
        var text = _jsonMessage is ChatbotTextMessage jsonText ? jsonText.Text ?? string.Empty : _text.ToString();
        var message = _jsonMessage;
        if (message is null && (text.Length > 0 || (_sawMessage && outcome == ChatbotOutcome.Completed)))
        {
            message = new ChatbotTextMessage(text);
        }

        var keyword = outcome == ChatbotOutcome.Completed && message is ChatbotTextMessage ? ChatbotKeywords.GetAction(text) : ChatbotAction.None;
        var action = DecideAction(keyword);
        var now = _timeProvider.GetTimestamp();
        return new ChatbotReply
        {
            Outcome = outcome,
            Message = message,
            Text = text,
            Action = action,
            Keyword = keyword,
            Streamed = Streamed,
            StatusCode = statusCode,
            Warnings = _warnings.Complete(),
            Timings = new ChatbotTimings(
                timeToFirstByte,
                _firstTextTimestamp is { } first ? _timeProvider.GetElapsedTime(_startTimestamp, first) : null,
                _timeProvider.GetElapsedTime(_startTimestamp, now)),
            BytesRead = BytesRead,
            FailureReason = reason,
        };
    }

    private (ChatbotOutcome Outcome, string? Reason) DecideOutcome(ChatbotOutcome? failure, string? failureReason)
    {
        if (failure is { } failed)
        {
            if (!_complete)
            {
                return (failed, failureReason);
            }

            // Once a terminal event has arrived the message is complete; what happens to the rest of the body cannot
            // take it back.
            _warnings.Add(ChatbotWarningCodes.AbnormalEndAfterFinal,
                $"The body ended abnormally after the message was complete ({failureReason}); the reply is complete.");
        }
        else if (_invalidReason is not null)
        {
            return (ChatbotOutcome.InvalidResponse, _invalidReason);
        }
        else if (!_sawMessage)
        {
            return (ChatbotOutcome.InvalidResponse, Streamed ? "The event stream ended without any message event." : EmptyBodyReason);
        }

        return (ChatbotOutcome.Completed, null);
    }

    /// <summary>
    /// The one place a reply's keyword becomes an action (docs/protocol.md#text-message): a
    /// <c>DIRECT_TRANSFER</c> reply transfers only when the destination allows it, else the chatbot keeps the
    /// enquiry and the reply says why. The keyword stays in the text and the message.
    /// </summary>
    private ChatbotAction DecideAction(ChatbotAction keyword)
    {
        if (keyword == ChatbotAction.DirectTransfer && !_transferToLiveAgent)
        {
            _warnings.Add(ChatbotWarningCodes.TransferNotEnabled,
                "The reply is DIRECT_TRANSFER but 'Transfer Chatbot to Live Agent' is off for this destination; the enquiry stays with the chatbot.");
            return ChatbotAction.None;
        }

        return keyword;
    }
}

using System.Text;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Writes one chatbot reply into a room as it arrives: one bot message that grows with every delta and then
/// completes. Text that may still turn out to be an action keyword (<c>DIRECT_TRANSFER</c>, <c>CLOSE_ENQUIRY</c>)
/// is held back until it cannot be one, so a keyword reply never shows as text in the room.
/// </summary>
internal sealed class ChatbotReplyWriter(EnquiryRoom room, RoomMember bot)
{
    private readonly StringBuilder _received = new();
    private readonly StringBuilder _shown = new();
    private string? _messageId;
    private bool _synced;

    public string ReceivedText => _received.ToString();

    /// <summary>Gets the id of the reply's message once it shows, else <see langword="null"/>.</summary>
    public string? MessageId => _messageId;

    /// <summary>Gets a value indicating whether the enquiry was closed before the reply could be shown; the rest is dropped.</summary>
    public bool IsDropped { get; private set; }

    public void Append(string delta)
    {
        if (delta.Length == 0 || IsDropped)
        {
            return;
        }

        _received.Append(delta);
        if (_messageId is null || !_synced)
        {
            Show();
            return;
        }

        room.AppendChatbotReply(_messageId, delta);
        _shown.Append(delta);
    }

    public void Replace(string text)
    {
        if (IsDropped)
        {
            return;
        }

        _received.Clear().Append(text);
        Show();
    }

    /// <summary>Ends the reply: completes the message, posts a final one, or leaves a notice when nothing arrived.</summary>
    /// <param name="reply">The final reply.</param>
    /// <param name="keyword">The action keyword the final text stands for, if any; it is never shown as text.</param>
    public (RoomMessage? Message, RoomMessage? Notice) Complete(ChatbotReply reply, ChatbotAction keyword)
    {
        var state = reply.IsCompleted ? ChatbotReplyState.Completed : ChatbotReplyState.Incomplete;
        if (reply.Message is ChatbotAdvancedMessage advanced)
        {
            return (Finish(new ChatbotReplyContent(string.Empty, advanced, state) { Outcome = reply.Outcome, Streamed = reply.Streamed }, reply), null);
        }

        if (keyword != ChatbotAction.None)
        {
            // A keyword is an action, not text: nothing is shown unless text that was no keyword was shown before it.
            return (_messageId is null ? null : Finish(TextContent(_shown.ToString(), state, reply), reply), null);
        }

        var text = reply.Text.Length > 0 ? reply.Text : _received.ToString();
        if (!reply.IsCompleted && _messageId is null && MayBeKeyword(text))
        {
            text = string.Empty; // Held back as a keyword that was cut short: never shown as text, the turn failed.
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            return (Finish(TextContent(text, state, reply), reply), null);
        }

        if (_messageId is not null)
        {
            return (Finish(TextContent(_shown.ToString(), state, reply), reply), null);
        }

        if (reply.IsCompleted)
        {
            return (null, null);
        }

        if (IsDropped)
        {
            return (null, null);
        }

        var notice = room.PostSystemMessage(new SystemMessageContent(
            SystemMessageKind.ChatbotFailed,
            $"{bot.DisplayName} did not reply: {reply.FailureReason ?? Describe(reply.Outcome)}",
            [new SystemMessageField("Outcome", reply.Outcome.ToString())])).Message;
        return (null, notice);
    }

    /// <summary>Ends a reply that was cut short by cancellation or a failing client: what was shown stays, marked incomplete.</summary>
    public RoomMessage? Abandon(string reason)
    {
        if (_messageId is null)
        {
            return null;
        }

        var text = _shown.ToString();
        var reply = new ChatbotReply { Outcome = ChatbotOutcome.Interrupted, Text = text, Streamed = true, FailureReason = reason };
        return Finish(TextContent(text, ChatbotReplyState.Incomplete, reply), reply);
    }

    /// <summary>
    /// Continues a reply in a fresh copy of the room: a durable turn writes each step as a command that may re-run on the
    /// latest room, so the writer is rebuilt from what was received so far and what the room shows.
    /// </summary>
    public static ChatbotReplyWriter Resume(EnquiryRoom room, RoomMember bot, string? messageId, string received, bool dropped)
    {
        var writer = new ChatbotReplyWriter(room, bot) { IsDropped = dropped };
        writer._received.Append(received);
        if (messageId is not null && room.TryGetMessage(messageId, out var message) && message.Content is ChatbotReplyContent content)
        {
            writer._messageId = messageId;
            writer._shown.Append(content.Text);
            writer._synced = content.Text == received;
        }

        return writer;
    }

    private static ChatbotReplyContent TextContent(string text, ChatbotReplyState state, ChatbotReply reply) =>
        new(text, reply.Message as ChatbotTextMessage is { } message && message.Text == text ? message : new ChatbotTextMessage(text), state)
        {
            Outcome = reply.Outcome,
            FailureReason = reply.IsCompleted ? null : reply.FailureReason,
            Streamed = reply.Streamed,
        };

    private static string Describe(ChatbotOutcome outcome) => outcome switch
    {
        ChatbotOutcome.TimedOut => "the reply took too long.",
        ChatbotOutcome.Unreachable => "the chatbot could not be reached.",
        ChatbotOutcome.HttpError => "the chatbot answered with an error.",
        ChatbotOutcome.InvalidResponse => "the chatbot's answer was not a CINNOX message.",
        ChatbotOutcome.EventTooLarge or ChatbotOutcome.ResponseTooLarge => "the reply was too large.",
        _ => "the reply was interrupted.",
    };

    private static bool MayBeKeyword(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.IsEmpty ||
            ChatbotKeywords.DirectTransfer.AsSpan().StartsWith(trimmed, StringComparison.Ordinal) ||
            ChatbotKeywords.CloseEnquiry.AsSpan().StartsWith(trimmed, StringComparison.Ordinal);
    }

    private void Show()
    {
        var text = _received.ToString();
        if (MayBeKeyword(text))
        {
            _synced = false; // Held back: it may still become a keyword.
            return;
        }

        if (_messageId is null)
        {
            if (TryPost(() => room.BeginChatbotReply(bot, text)) is not { } started)
            {
                return;
            }

            _messageId = started.Id;
        }
        else
        {
            room.ReplaceChatbotReply(_messageId, text);
        }

        _shown.Clear().Append(text);
        _synced = true;
    }

    private RoomMessage? Finish(ChatbotReplyContent content, ChatbotReply reply) =>
        _messageId is null ? TryPost(() => room.PostChatbotReply(bot, content, reply)) : room.CompleteChatbotReply(_messageId, content, reply);

    // A reply that has not started showing cannot start once the enquiry is closed (say, by an agent while the
    // chatbot was still answering); it is dropped. One that has started is always completed.
    private RoomMessage? TryPost(Func<RoomMessage> post)
    {
        if (IsDropped)
        {
            return null;
        }

        try
        {
            return post();
        }
        catch (ChatRoomRuleException exception) when (exception.Rule == ChatRoomRule.EnquiryClosed)
        {
            IsDropped = true;
            return null;
        }
    }
}

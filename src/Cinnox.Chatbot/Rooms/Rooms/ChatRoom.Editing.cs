using System.Globalization;

namespace Cinnox.Chatbot.Rooms;

// Editing and recalling: only the sender, within five minutes, by the kind of message (docs/chat-rooms.md#chat-functions).
public abstract partial class ChatRoom
{
    /// <summary>
    /// Edits a text message: only its sender, only text, at most five minutes after it was sent (exactly 5:00 is
    /// allowed), never once recalled. The mentions are read again, and only members the edit newly mentions are
    /// notified. Members the message mentioned by id stay mentioned unless the edit leaves them out of
    /// <paramref name="mentionedMemberIds"/> while passing other ids.
    /// </summary>
    /// <param name="editorId">The member who edits; must be the sender.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="text">The new text.</param>
    /// <param name="mentionedMemberIds">
    /// Members mentioned by id in the new version, besides those in the text; <see langword="null"/> keeps the ids the
    /// message was given before.
    /// </param>
    /// <returns>The edited message, the newly mentioned members who are notified, and the mentions that matched nobody.</returns>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotTheSender"/>, <see cref="ChatRoomRule.MessageRecalled"/>, <see cref="ChatRoomRule.OnlyTextCanBeEdited"/>,
    /// <see cref="ChatRoomRule.ForwardedMessageCannotBeEdited"/>, <see cref="ChatRoomRule.EditWindowExpired"/>, <see cref="ChatRoomRule.EmptyText"/>,
    /// <see cref="ChatRoomRule.MessageNotFound"/>, <see cref="ChatRoomRule.NotAMember"/>, <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public MessageDelivery Edit(string editorId, string messageId, string text, IEnumerable<string>? mentionedMemberIds = null)
    {
        MessageDelivery delivery;
        lock (_gate)
        {
            var now = Clock.GetUtcNow();
            var (editor, slot) = CheckEdit(editorId, messageId, now) is { } refusal ? throw refusal : RequireMemberAndSlot(editorId, messageId);
            RequireText(text, editorId, messageId);
            CheckCanPost(editor.Member);
            var before = slot.Message;
            var unmatched = new List<string>();
            var mentions = MentionParser.Parse(text, MemberList(), mentionedMemberIds ?? before.Mentions.GivenMemberIds, unmatched);
            Record(new MessageEdited { RoomId = Id, Sequence = _version + 1, OccurredAt = now, ActorId = editorId, MessageId = messageId, Text = text, Mentions = mentions });
            var edited = slot.Message;
            var notified = _members
                .Where(state => mentions.Includes(state.Member.Id) && !before.Mentions.Includes(state.Member.Id))
                .Where(state => Decide(state, edited).Notify)
                .Select(static state => state.Member.Id)
                .ToArray();
            delivery = new MessageDelivery(edited, notified, unmatched.AsReadOnly());
            var previousText = ((TextMessageContent)before.Content).Text;
            Enqueue((version, at) => new MessageEditedEventArgs(this, version, at, delivery, previousText));
        }

        DeliverEvents();
        return delivery;
    }

    /// <summary>Determines whether a member may edit a message now, by the rules of <see cref="Edit"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="messageId">The message.</param>
    /// <returns><see langword="true"/> when <see cref="Edit"/> would be allowed now.</returns>
    public bool CanEdit(string memberId, string messageId)
    {
        lock (_gate)
        {
            return CheckEdit(memberId, messageId, Clock.GetUtcNow()) is null && CheckPostRule(FindState(memberId)!.Member) is null;
        }
    }

    /// <summary>
    /// Recalls a message or file: only its sender, at most five minutes after it was sent (exactly 5:00 is
    /// allowed). It stays as a tombstone whose content is gone; it no longer counts as unread, and replies quoting
    /// it show the tombstone. Copies forwarded earlier are not affected.
    /// </summary>
    /// <param name="memberId">The member who recalls; must be the sender.</param>
    /// <param name="messageId">The message.</param>
    /// <returns>The tombstone.</returns>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotTheSender"/>, <see cref="ChatRoomRule.MessageRecalled"/>, <see cref="ChatRoomRule.CannotBeRecalled"/>,
    /// <see cref="ChatRoomRule.RecallWindowExpired"/>, <see cref="ChatRoomRule.MessageNotFound"/>, <see cref="ChatRoomRule.NotAMember"/>.
    /// </exception>
    public RoomMessage Recall(string memberId, string messageId)
    {
        RoomMessage tombstone;
        lock (_gate)
        {
            var now = Clock.GetUtcNow();
            var (_, slot) = CheckRecall(memberId, messageId, now) is { } refusal ? throw refusal : RequireMemberAndSlot(memberId, messageId);
            Record(new MessageRecalled { RoomId = Id, Sequence = _version + 1, OccurredAt = now, ActorId = memberId, MessageId = messageId });
            tombstone = slot.Message;
            Enqueue((version, at) => new MessageRecalledEventArgs(this, version, at, tombstone));
        }

        DeliverEvents();
        return tombstone;
    }

    /// <summary>Determines whether a member may recall a message now, by the rules of <see cref="Recall"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="messageId">The message.</param>
    /// <returns><see langword="true"/> when <see cref="Recall"/> would be allowed now.</returns>
    public bool CanRecall(string memberId, string messageId)
    {
        lock (_gate)
        {
            return CheckRecall(memberId, messageId, Clock.GetUtcNow()) is null;
        }
    }

    private static string Describe(RoomMessageKind kind) => kind switch
    {
        RoomMessageKind.File => "a file",
        RoomMessageKind.Sms => "an SMS",
        RoomMessageKind.System => "a system message",
        RoomMessageKind.ChatbotReply => "a chatbot reply",
        RoomMessageKind.Recalled => "recalled",
        _ => "a text message",
    };

    private static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.ToString(elapsed.TotalHours >= 1 ? @"h\:mm\:ss\.fff" : @"m\:ss\.fff", CultureInfo.InvariantCulture);

    private ChatRoomRuleException? CheckEdit(string editorId, string messageId, DateTimeOffset now) =>
        CheckOwnRecentMessage(editorId, messageId, now, "edit", ChatRoomRule.EditWindowExpired, message =>
            message.Content is not TextMessageContent
                ? Rule(ChatRoomRule.OnlyTextCanBeEdited, $"Message {messageId} is {Describe(message.Kind)}; only text messages can be edited.", messageId, editorId)
                : message.ForwardedFrom is not null
                    ? Rule(ChatRoomRule.ForwardedMessageCannotBeEdited, $"Message {messageId} was forwarded from another message and cannot be edited.", messageId, editorId)
                    : null);

    private ChatRoomRuleException? CheckRecall(string memberId, string messageId, DateTimeOffset now) =>
        CheckOwnRecentMessage(memberId, messageId, now, "recall", ChatRoomRule.RecallWindowExpired, message =>
            message.Content is TextMessageContent or FileMessageContent
                ? null
                : Rule(ChatRoomRule.CannotBeRecalled,
                    $"Message {messageId} is {Describe(message.Kind)}; only text messages and files can be recalled{(message.Kind == RoomMessageKind.Sms ? " (an SMS has already been delivered)" : string.Empty)}.",
                    messageId, memberId));

    // The rules edit and recall share, in the order they are checked: a member, the message exists, they sent it,
    // it is not recalled, its kind allows the change, and at most five minutes have passed (docs/chat-rooms.md#chat-functions).
    private ChatRoomRuleException? CheckOwnRecentMessage(
        string memberId, string messageId, DateTimeOffset now, string verb, ChatRoomRule windowRule, Func<RoomMessage, ChatRoomRuleException?> checkKind)
    {
        if (FindState(memberId) is null)
        {
            return NotAMember(memberId);
        }

        if (messageId is null || !_messagesById.TryGetValue(messageId, out var slot))
        {
            return NotFound(messageId, memberId);
        }

        var message = slot.Message;
        if (message.Sender.Id != memberId)
        {
            return Rule(ChatRoomRule.NotTheSender, $"Only {message.Sender.DisplayName}, who sent message {messageId}, may {verb} it.", messageId, memberId);
        }

        if (message.IsRecalled)
        {
            return Rule(ChatRoomRule.MessageRecalled, $"Message {messageId} was recalled; a recalled message cannot be {verb}ed.", messageId, memberId);
        }

        if (checkKind(message) is { } refusal)
        {
            return refusal;
        }

        var elapsed = now - message.SentAt;
        return elapsed > EditAndRecallWindow
            ? Rule(windowRule, $"Message {messageId} was sent {FormatElapsed(elapsed)} ago; a message can be {verb}ed for 5:00 after it is sent.", messageId, memberId)
            : null;
    }
}

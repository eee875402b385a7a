using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Cinnox.Chatbot.Rooms.Internal;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A chat room: its members, its messages, and every chat function with its rules (SPEC §6) — post, reply, edit,
/// recall, forward, copy, mentions, files, SMS, previews — plus each member's notification setting, read
/// position and unread count. The four kinds are <see cref="EnquiryRoom"/>, <see cref="DirectRoom"/>,
/// <see cref="SpaceRoom"/> and <see cref="ConferenceRoom"/>.
/// </summary>
/// <remarks>
/// <para>
/// Time is read from the <see cref="TimeProvider"/> given to the room, so the five-minute edit and recall
/// window can be tested exactly.
/// </para>
/// <para>
/// A change that breaks a rule throws <see cref="ChatRoomRuleException"/> naming the rule, and changes nothing.
/// Every change that succeeds raises <see cref="Changed"/> with a typed <see cref="ChatRoomEventArgs"/>.
/// </para>
/// <para>
/// Thread safety: all members are safe to call from any thread. Messages are immutable snapshots. Events are
/// raised in the order the changes happened (see <see cref="ChatRoomEventArgs.Version"/>), one at a time, and
/// never while the room is locked, so a handler may call back into the room; a change made while another
/// thread is raising events is delivered by that thread, after the events before it.
/// </para>
/// <para>
/// Counts are derived from the messages whenever they are asked for, never kept as running totals, so a recall
/// can never skew them.
/// </para>
/// </remarks>
public abstract class ChatRoom
{
    private readonly Lock _gate = new();
    private readonly List<MessageSlot> _messages = [];
    private readonly Dictionary<string, MessageSlot> _messagesById = new(StringComparer.Ordinal);
    private readonly List<MemberState> _members = [];
    private readonly RoomEventQueue _events = new();
    private long _version;
    private DateTimeOffset? _lastChatAt;
    private DateTimeOffset _lastActivityAt;

    private protected ChatRoom(string id, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Clock = timeProvider ?? TimeProvider.System;
        CreatedAt = Clock.GetUtcNow();
        _lastActivityAt = CreatedAt;
    }

    /// <summary>
    /// Raised after every change to the room, with a derived <see cref="ChatRoomEventArgs"/> that says what
    /// changed. See the class remarks for ordering and threading.
    /// </summary>
    /// <remarks>
    /// If a handler throws, the remaining handlers and later events are still delivered; the exception is then
    /// rethrown to the caller that was delivering (an <see cref="AggregateException"/> when several threw).
    /// </remarks>
    public event EventHandler<ChatRoomEventArgs>? Changed;

    /// <summary>Gets how long after sending a member may edit or recall a message: five minutes, inclusive (exactly 5:00 is allowed).</summary>
    public static TimeSpan EditAndRecallWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the room's id.</summary>
    public string Id { get; }

    /// <summary>Gets the kind of room.</summary>
    public abstract RoomKind Kind { get; }

    /// <summary>Gets when the room was created, on its clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the number of changes made to the room so far: the <see cref="ChatRoomEventArgs.Version"/> of the last event.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Gets the members, in the order they joined.</summary>
    public IReadOnlyList<RoomMember> Members
    {
        get
        {
            lock (_gate)
            {
                return [.. _members.Select(static state => state.Member)];
            }
        }
    }

    /// <summary>Gets a snapshot of the messages, oldest first. A chatbot reply that is streaming shows its text so far.</summary>
    public IReadOnlyList<RoomMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages.Select(static slot => slot.Snapshot())];
            }
        }
    }

    /// <summary>Gets the number of messages, recalled ones included.</summary>
    public int MessageCount
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Gets the room's clock.</summary>
    private protected TimeProvider Clock { get; }

    /// <summary>Gets the lock that guards the room's state; derived rooms take it for their own state too.</summary>
    private protected Lock Gate => _gate;

    /// <summary>Gets a value indicating whether the room offers the "@mentions only" notification setting.</summary>
    private protected virtual bool SupportsMentionsOnly => false;

    /// <summary>Determines whether someone is a member of the room.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns><see langword="true"/> when they are a member.</returns>
    public bool IsMember(string memberId)
    {
        lock (_gate)
        {
            return FindState(memberId) is not null;
        }
    }

    /// <summary>Finds a member by id.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns>The member, or <see langword="null"/> when they are not in the room.</returns>
    public RoomMember? FindMember(string memberId)
    {
        lock (_gate)
        {
            return FindState(memberId)?.Member;
        }
    }

    /// <summary>Gets a message as it is now.</summary>
    /// <param name="messageId">The message's id.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MessageNotFound"/>: no such message in this room.</exception>
    public RoomMessage GetMessage(string messageId)
    {
        lock (_gate)
        {
            return RequireSlot(messageId).Snapshot();
        }
    }

    /// <summary>Gets a message as it is now, if the room has it.</summary>
    /// <param name="messageId">The message's id.</param>
    /// <param name="message">The message, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the room has the message.</returns>
    public bool TryGetMessage(string messageId, [NotNullWhen(true)] out RoomMessage? message)
    {
        lock (_gate)
        {
            message = messageId is not null && _messagesById.TryGetValue(messageId, out var slot) ? slot.Snapshot() : null;
            return message is not null;
        }
    }

    /// <summary>
    /// Resolves the message a reply quotes, as it is now: the reply holds a reference, so once the original is
    /// recalled, the quote shows its tombstone.
    /// </summary>
    /// <param name="reply">A message of this room.</param>
    /// <returns>The quoted message, or <see langword="null"/> when <paramref name="reply"/> is not a reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public RoomMessage? GetQuotedMessage(RoomMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ReplyToMessageId is not { } target)
        {
            return null;
        }

        lock (_gate)
        {
            return _messagesById.TryGetValue(target, out var slot) ? slot.Snapshot() : null;
        }
    }

    /// <summary>Posts a text message.</summary>
    /// <param name="senderId">The member who sends it.</param>
    /// <param name="text">The text; <c>@all</c> and <c>@Name</c> mentions in it are read.</param>
    /// <param name="options">What it replies to, members mentioned by id, previews.</param>
    /// <returns>The message, who is notified, and the mentions that matched nobody.</returns>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotAMember"/>, <see cref="ChatRoomRule.EmptyText"/>, <see cref="ChatRoomRule.EnquiryClosed"/>,
    /// or for a reply <see cref="ChatRoomRule.MessageNotFound"/> or <see cref="ChatRoomRule.MessageRecalled"/>.
    /// </exception>
    public MessageDelivery PostText(string senderId, string text, MessageOptions? options = null)
    {
        MessageDelivery delivery;
        lock (_gate)
        {
            var sender = RequireMember(senderId);
            RequireText(text, senderId);
            CheckCanPost(sender.Member);
            var unmatched = new List<string>();
            var mentions = MentionParser.Parse(text, MemberList(), options?.MentionedMemberIds, unmatched);
            delivery = PostCore(sender.Member, new TextMessageContent(text), options, mentions, unmatched, forwardedFrom: null);
        }

        DeliverEvents();
        return delivery;
    }

    /// <summary>Posts a text message that replies to another message of the room.</summary>
    /// <param name="senderId">The member who sends it.</param>
    /// <param name="replyToMessageId">The message replied to: in this room, not recalled.</param>
    /// <param name="text">The text.</param>
    /// <param name="options">Members mentioned by id, previews.</param>
    /// <returns>The message, who is notified, and the mentions that matched nobody.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="replyToMessageId"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">As for <see cref="PostText"/>.</exception>
    public MessageDelivery Reply(string senderId, string replyToMessageId, string text, MessageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(replyToMessageId);
        var withReply = new MessageOptions { ReplyToMessageId = replyToMessageId };
        if (options is not null)
        {
            foreach (var id in options.MentionedMemberIds)
            {
                withReply.MentionedMemberIds.Add(id);
            }

            foreach (var preview in options.Previews)
            {
                withReply.Previews.Add(preview);
            }
        }

        return PostText(senderId, text, withReply);
    }

    /// <summary>Shares a file: an image, video, document or voice message.</summary>
    /// <param name="senderId">The member who shares it.</param>
    /// <param name="file">The file's description.</param>
    /// <param name="options">What it replies to, members mentioned by id, previews.</param>
    /// <returns>The message and who is notified.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.InvalidFile"/> (no name, negative size, a media type that does not match the kind, a link
    /// that is not absolute http or https), <see cref="ChatRoomRule.NotAMember"/>, <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public MessageDelivery PostFile(string senderId, FileMessageContent file, MessageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        MessageDelivery delivery;
        lock (_gate)
        {
            var sender = RequireMember(senderId);
            CheckFile(file, senderId);
            CheckCanPost(sender.Member);
            var unmatched = new List<string>();
            var mentions = MentionParser.Parse(null, MemberList(), options?.MentionedMemberIds, unmatched);
            delivery = PostCore(sender.Member, file, options, mentions, unmatched, forwardedFrom: null);
        }

        DeliverEvents();
        return delivery;
    }

    /// <summary>Sends an SMS from the room to a phone number and records it in the room.</summary>
    /// <param name="senderId">The staff member who sends it.</param>
    /// <param name="phoneNumber">
    /// The recipient as an international E.164 number: <c>+</c>, then 7 to 15 digits starting with the country code
    /// (spaces, hyphens, dots and parentheses between digits are allowed and dropped), such as <c>+852 9123 4567</c>.
    /// </param>
    /// <param name="text">The text.</param>
    /// <returns>The message (its <see cref="SmsMessageContent.PhoneNumber"/> in E.164 form) and who is notified.</returns>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.InvalidPhoneNumber"/>, <see cref="ChatRoomRule.SmsRequiresStaff"/>, <see cref="ChatRoomRule.EmptyText"/>,
    /// <see cref="ChatRoomRule.NotAMember"/>, <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public MessageDelivery PostSms(string senderId, string phoneNumber, string text)
    {
        MessageDelivery delivery;
        lock (_gate)
        {
            var sender = RequireMember(senderId);
            if (!sender.Member.IsStaff)
            {
                throw Rule(ChatRoomRule.SmsRequiresStaff, $"{sender.Member.DisplayName} is not a staff member; only staff members send SMS messages.", memberId: senderId);
            }

            if (!PhoneNumbers.TryNormalize(phoneNumber, out var e164))
            {
                throw Rule(ChatRoomRule.InvalidPhoneNumber,
                    $"'{phoneNumber}' is not an international phone number. Write it in E.164 form: '+', the country code, then the number, 7 to 15 digits in all (for example +85291234567).",
                    memberId: senderId);
            }

            RequireText(text, senderId);
            CheckCanPost(sender.Member);
            delivery = PostCore(sender.Member, new SmsMessageContent(e164, text), null, MessageMentions.None, [], forwardedFrom: null);
        }

        DeliverEvents();
        return delivery;
    }

    /// <summary>Posts a message of the platform bot (CINNOXbot). System messages can be posted in any state, even in a closed enquiry.</summary>
    /// <param name="content">The message.</param>
    /// <returns>The message and who is notified.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public MessageDelivery PostSystemMessage(SystemMessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        MessageDelivery delivery;
        lock (_gate)
        {
            delivery = PostCore(RoomMember.PlatformBot, content, null, MessageMentions.None, [], forwardedFrom: null);
        }

        DeliverEvents();
        return delivery;
    }

    /// <summary>Posts a notice of the platform bot (CINNOXbot).</summary>
    /// <param name="text">The notice.</param>
    /// <returns>The message and who is notified.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null, empty or white space.</exception>
    public MessageDelivery PostSystemMessage(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return PostSystemMessage(new SystemMessageContent(SystemMessageKind.Notice, text));
    }

    /// <summary>
    /// Edits a text message: only its sender, only text, at most five minutes after it was sent (exactly 5:00 is
    /// allowed), never once recalled. The mentions are read again, and only members the edit newly mentions are
    /// notified.
    /// </summary>
    /// <param name="editorId">The member who edits; must be the sender.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="text">The new text.</param>
    /// <param name="mentionedMemberIds">Members mentioned by id in the new version, besides those in the text.</param>
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
            var members = MemberList();
            var mentions = MentionParser.Parse(text, members, mentionedMemberIds, unmatched);
            var edited = new RoomMessage(before) { Content = new TextMessageContent(text), Mentions = mentions, EditedAt = now };
            slot.Message = edited;
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
            tombstone = new RoomMessage(slot.Message.Id, Id, slot.Message.Sequence, slot.Message.Sender, slot.Message.SentAt, RecalledMessageContent.Instance)
            {
                RecalledAt = now,
                EditedAt = slot.Message.EditedAt,
            };
            slot.Message = tombstone;
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

    /// <summary>
    /// Forwards a message into a room the forwarder belongs to (this one or another): its content is copied as
    /// it is now, marked with its origin (room, message, original sender). A later recall of the original does
    /// not reach the copy. The copy mentions nobody; an SMS or system message is copied as text.
    /// </summary>
    /// <param name="forwarderId">The member who forwards; must be in both rooms.</param>
    /// <param name="messageId">The message, in this room.</param>
    /// <param name="target">The room to forward into.</param>
    /// <returns>The copy in <paramref name="target"/> and who is notified there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotAMember"/> (of either room), <see cref="ChatRoomRule.MessageRecalled"/>, <see cref="ChatRoomRule.StillStreaming"/>,
    /// <see cref="ChatRoomRule.MessageNotFound"/>, <see cref="ChatRoomRule.EnquiryClosed"/> (when the target is a closed enquiry).
    /// </exception>
    public MessageDelivery Forward(string forwarderId, string messageId, ChatRoom target)
    {
        ArgumentNullException.ThrowIfNull(target);
        RoomMessage original;
        lock (_gate)
        {
            var (_, slot) = RequireMemberAndSlot(forwarderId, messageId);
            original = slot.Message;
            if (original.IsRecalled)
            {
                throw Rule(ChatRoomRule.MessageRecalled, $"Message {messageId} was recalled; a recalled message cannot be forwarded.", messageId, forwarderId);
            }

            if (slot.IsStreaming)
            {
                throw Rule(ChatRoomRule.StillStreaming, $"The chatbot reply {messageId} is still arriving; forward it once it has completed.", messageId, forwarderId);
            }
        }

        // The two rooms are never locked together: the copy is taken here, then posted under the target's lock.
        var origin = original.ForwardedFrom ?? new ForwardOrigin(Id, original.Id, original.Sender, original.SentAt);
        return target.PostForwarded(forwarderId, CopyForForward(original.Content), origin, original.Previews);
    }

    /// <summary>
    /// Copies a message as plain text, to paste elsewhere: a text's text, a file's name and link (two lines), an
    /// SMS's text, a chatbot reply's text.
    /// </summary>
    /// <param name="memberId">The member who copies; must be in the room.</param>
    /// <param name="messageId">The message.</param>
    /// <returns>The plain text.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MessageRecalled"/>, <see cref="ChatRoomRule.MessageNotFound"/>, <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public string Copy(string memberId, string messageId)
    {
        lock (_gate)
        {
            var (_, slot) = RequireMemberAndSlot(memberId, messageId);
            if (slot.Message.IsRecalled)
            {
                throw Rule(ChatRoomRule.MessageRecalled, $"Message {messageId} was recalled; its content is gone and cannot be copied.", messageId, memberId);
            }

            return slot.Snapshot().Content.ToPlainText();
        }
    }

    /// <summary>Attaches a link or image preview to a message, such as one fetched after the message was posted.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="preview">The preview.</param>
    /// <returns>The message with the preview.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="preview"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MessageRecalled"/>, <see cref="ChatRoomRule.MessageNotFound"/>.</exception>
    public RoomMessage AttachPreview(string messageId, MessagePreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        RoomMessage updated;
        lock (_gate)
        {
            var slot = RequireSlot(messageId);
            if (slot.Message.IsRecalled)
            {
                throw Rule(ChatRoomRule.MessageRecalled, $"Message {messageId} was recalled; it cannot get a preview.", messageId);
            }

            slot.Message = new RoomMessage(slot.Message) { Previews = [.. slot.Message.Previews, preview] };
            updated = slot.Snapshot();
            Enqueue((version, at) => new MessagePreviewAttachedEventArgs(this, version, at, updated, preview));
        }

        DeliverEvents();
        return updated;
    }

    /// <summary>Gets a member's notification setting for the room.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The setting; <see cref="RoomNotificationSetting.All"/> unless changed.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public RoomNotificationSetting GetNotificationSetting(string memberId)
    {
        lock (_gate)
        {
            return RequireMember(memberId).Setting;
        }
    }

    /// <summary>
    /// Changes a member's notification setting: on or muted in enquiry, direct and conference rooms; all new
    /// messages, @mentions only, or mute in Space rooms.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="setting">The setting.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="setting"/> is not a <see cref="RoomNotificationSetting"/> value.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotificationSettingNotSupported"/> (@mentions only outside a Space), <see cref="ChatRoomRule.NotAMember"/>.
    /// </exception>
    public void SetNotificationSetting(string memberId, RoomNotificationSetting setting)
    {
        if (!Enum.IsDefined(setting))
        {
            throw new ArgumentOutOfRangeException(nameof(setting), setting, "Use one of the RoomNotificationSetting values.");
        }

        lock (_gate)
        {
            var state = RequireMember(memberId);
            if (setting == RoomNotificationSetting.MentionsOnly && !SupportsMentionsOnly)
            {
                throw Rule(ChatRoomRule.NotificationSettingNotSupported,
                    $"A {Kind} room is either on or muted; '@mentions only' is a setting of Space rooms.", memberId: memberId);
            }

            if (state.Setting == setting)
            {
                return;
            }

            state.Setting = setting;
            Enqueue((version, at) => new NotificationSettingChangedEventArgs(this, version, at, memberId, setting));
        }

        DeliverEvents();
    }

    /// <summary>Mutes the room for a member: no notifications; unread badges still count it.</summary>
    /// <param name="memberId">The member.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Mute(string memberId) => SetNotificationSetting(memberId, RoomNotificationSetting.Muted);

    /// <summary>Unmutes the room for a member: notifications of every new message.</summary>
    /// <param name="memberId">The member.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void Unmute(string memberId) => SetNotificationSetting(memberId, RoomNotificationSetting.All);

    /// <summary>
    /// Decides whether a member is notified of a message (SPEC §6): yes, unless it is their own, the room is muted,
    /// or the room is on "@mentions only" and the message mentions neither them nor <c>@all</c>. Recalled messages,
    /// non-members and bots are never notified.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="message">A message of this room.</param>
    /// <returns>The decision and its reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public NotificationDecision GetNotificationDecision(string memberId, RoomMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            return FindState(memberId) is { } state ? Decide(state, message) : new NotificationDecision(false, NotificationReason.NotAMember);
        }
    }

    /// <summary>
    /// Counts a member's unread messages: messages after their read position that are not their own (nor system
    /// messages reporting their own action) and not recalled.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The count; 0 for someone who is not a member.</returns>
    public int GetUnreadCount(string memberId)
    {
        lock (_gate)
        {
            return FindState(memberId) is { } state ? CountUnread(state) : 0;
        }
    }

    /// <summary>Gets the sequence number of the last message a member has read; 0 when none.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The read position.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public long GetReadPosition(string memberId)
    {
        lock (_gate)
        {
            return RequireMember(memberId).ReadSequence;
        }
    }

    /// <summary>Marks every message of the room as read by a member. The read position only moves forward.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns><see langword="true"/> when the position moved; <see langword="false"/> when everything was already read.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>.</exception>
    public bool MarkRead(string memberId)
    {
        bool moved;
        lock (_gate)
        {
            moved = MoveReadPosition(RequireMember(memberId), _messages.Count);
        }

        DeliverEvents();
        return moved;
    }

    /// <summary>
    /// Marks the messages up to and including one as read by a member. The read position only moves forward: a
    /// message before it leaves it where it is.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="messageId">The last message read.</param>
    /// <returns><see langword="true"/> when the position moved; <see langword="false"/> when it was already there or beyond.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.NotAMember"/>, <see cref="ChatRoomRule.MessageNotFound"/>.</exception>
    public bool MarkReadUpTo(string memberId, string messageId)
    {
        bool moved;
        lock (_gate)
        {
            var (state, slot) = RequireMemberAndSlot(memberId, messageId);
            moved = MoveReadPosition(state, slot.Message.Sequence);
        }

        DeliverEvents();
        return moved;
    }

    /// <summary>
    /// Gets how the room appears in a member's Recent Connections: when its last activity was and how many
    /// messages are unread. A room appears once the member handles the enquiry or chatting has started in it.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The entry, or <see langword="null"/> when the room is not (yet) among the member's Recent Connections.</returns>
    public RecentConnection? GetRecentConnection(string memberId)
    {
        lock (_gate)
        {
            if (FindState(memberId) is not { } state || !IsConnected(state))
            {
                return null;
            }

            var activity = state.ConnectedAt is { } connected && connected > _lastActivityAt ? connected : _lastActivityAt;
            return new RecentConnection(this, activity, CountUnread(state), state.Setting);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} room {Id}";

    internal RoomMessage BeginChatbotReply(RoomMember bot, string text)
    {
        RoomMessage message;
        lock (_gate)
        {
            var sender = RequireMember(bot.Id);
            CheckCanPost(sender.Member);
            var content = new ChatbotReplyContent(text, null, ChatbotReplyState.Streaming) { Streamed = true };
            message = PostCore(sender.Member, content, null, MessageMentions.None, [], forwardedFrom: null).Message;
            _messagesById[message.Id].Pending = new StringBuilder(text);
        }

        DeliverEvents();
        return message;
    }

    internal RoomMessage PostChatbotReply(RoomMember bot, ChatbotReplyContent content, ChatbotReply reply)
    {
        RoomMessage message;
        lock (_gate)
        {
            var sender = RequireMember(bot.Id);
            CheckCanPost(sender.Member);
            message = PostCore(sender.Member, content, null, MessageMentions.None, [], forwardedFrom: null).Message;
            Enqueue((version, at) => new ChatbotReplyCompletedEventArgs(this, version, at, message, reply));
        }

        DeliverEvents();
        return message;
    }

    internal void AppendChatbotReply(string messageId, string delta)
    {
        lock (_gate)
        {
            var slot = RequireSlot(messageId);
            slot.Pending!.Append(delta);
            Enqueue((version, at) => new ChatbotReplyDeltaEventArgs(this, version, at, messageId, delta));
        }

        DeliverEvents();
    }

    internal void ReplaceChatbotReply(string messageId, string text)
    {
        lock (_gate)
        {
            var slot = RequireSlot(messageId);
            slot.Pending!.Clear().Append(text);
            Enqueue((version, at) => new ChatbotReplyTextReplacedEventArgs(this, version, at, messageId, text));
        }

        DeliverEvents();
    }

    internal RoomMessage CompleteChatbotReply(string messageId, ChatbotReplyContent content, ChatbotReply reply)
    {
        RoomMessage completed;
        lock (_gate)
        {
            var slot = RequireSlot(messageId);
            slot.Pending = null;
            slot.Message = completed = new RoomMessage(slot.Message) { Content = content };
            Enqueue((version, at) => new ChatbotReplyCompletedEventArgs(this, version, at, completed, reply));
        }

        DeliverEvents();
        return completed;
    }

    internal void RecordChatbotWarning(ChatbotWarning warning)
    {
        lock (_gate)
        {
            Enqueue((version, at) => new ChatbotWarningEventArgs(this, version, at, warning));
        }

        DeliverEvents();
    }

    /// <summary>Adds a member. Called under <see cref="Gate"/>.</summary>
    /// <param name="member">The member.</param>
    /// <param name="connect">Whether the room enters the member's Recent Connections now (they handle it).</param>
    /// <param name="historyRead">Whether the messages already in the room count as read by the newcomer.</param>
    private protected void AddMemberCore(RoomMember member, bool connect, bool historyRead)
    {
        if (FindState(member.Id) is not null)
        {
            throw Rule(ChatRoomRule.AlreadyAMember, $"{member.DisplayName} ({member.Id}) is already in room {Id}.", memberId: member.Id);
        }

        var now = Clock.GetUtcNow();
        var state = new MemberState(member, now, historyRead ? _messages.Count : 0);
        if (connect)
        {
            state.ConnectedAt = now;
            _lastActivityAt = Max(_lastActivityAt, now);
        }

        _members.Add(state);
        Enqueue((version, at) => new MemberJoinedEventArgs(this, version, at, member));
    }

    /// <summary>Determines whether someone is a member. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns><see langword="true"/> when they are a member.</returns>
    private protected bool IsMemberCore(string memberId) => FindState(memberId) is not null;

    /// <summary>Removes a member. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The member removed.</returns>
    private protected RoomMember RemoveMemberCore(string memberId)
    {
        var state = RequireMember(memberId);
        _members.Remove(state);
        Enqueue((version, at) => new MemberLeftEventArgs(this, version, at, state.Member));
        return state.Member;
    }

    /// <summary>Marks the room as handled by a member now, so it enters their Recent Connections. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member.</param>
    private protected void ConnectCore(string memberId)
    {
        var now = Clock.GetUtcNow();
        RequireMember(memberId).ConnectedAt = now;
        _lastActivityAt = Max(_lastActivityAt, now);
    }

    /// <summary>Throws when nothing may be posted by the sender now. Called under <see cref="Gate"/>.</summary>
    /// <param name="sender">The sender.</param>
    private protected void CheckCanPost(RoomMember sender)
    {
        if (CheckPostRule(sender) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Says why nothing may be posted by the sender now, or <see langword="null"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="sender">The sender.</param>
    /// <returns>The refusal, or <see langword="null"/>.</returns>
    private protected virtual ChatRoomRuleException? CheckPostRule(RoomMember sender) => null;

    /// <summary>Records a change to be raised once the lock is released. Called under <see cref="Gate"/>.</summary>
    /// <param name="create">Makes the event from the room's next version and the time.</param>
    private protected void Enqueue(Func<long, DateTimeOffset, ChatRoomEventArgs> create) =>
        _events.Enqueue(create(++_version, Clock.GetUtcNow()));

    /// <summary>Raises the recorded changes. Called after the lock is released.</summary>
    private protected void DeliverEvents() => _events.Deliver(this, () => Changed);

    /// <summary>Gets a member or throws <see cref="ChatRoomRule.NotAMember"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The member.</returns>
    private protected RoomMember RequireRoomMember(string memberId) => RequireMember(memberId).Member;

    /// <summary>Makes a rule exception about this room.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="message">Why.</param>
    /// <param name="messageId">The message concerned.</param>
    /// <param name="memberId">The member concerned.</param>
    /// <returns>The exception, to throw.</returns>
    private protected ChatRoomRuleException Rule(ChatRoomRule rule, string message, string? messageId = null, string? memberId = null) =>
        new(rule, message, Id, messageId, memberId);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static RoomMessageContent CopyForForward(RoomMessageContent content) => content switch
    {
        SmsMessageContent sms => new TextMessageContent(sms.Text),
        SystemMessageContent system => new TextMessageContent(system.ToPlainText()),
        ChatbotReplyContent { Message: { } message } reply => new ChatbotReplyContent(reply.Text, ChatbotJson.ParseReply(ChatbotJson.SerializeReply(message)), reply.State)
        {
            Outcome = reply.Outcome,
            FailureReason = reply.FailureReason,
            Streamed = reply.Streamed,
        },
        _ => content, // Text and file contents are immutable and can be shared.
    };

    private MessageDelivery PostForwarded(string forwarderId, RoomMessageContent content, ForwardOrigin origin, IReadOnlyList<MessagePreview> previews)
    {
        MessageDelivery delivery;
        lock (_gate)
        {
            var forwarder = FindState(forwarderId) ?? throw Rule(ChatRoomRule.NotAMember,
                $"'{forwarderId}' is not a member of room {Id}; a message can only be forwarded into a room the forwarder belongs to.", memberId: forwarderId);
            CheckCanPost(forwarder.Member);
            var options = new MessageOptions();
            foreach (var preview in previews)
            {
                options.Previews.Add(preview);
            }

            delivery = PostCore(forwarder.Member, content, options, MessageMentions.None, [], origin);
        }

        DeliverEvents();
        return delivery;
    }

    // Called under the lock, after every rule has passed.
    private MessageDelivery PostCore(
        RoomMember sender, RoomMessageContent content, MessageOptions? options, MessageMentions mentions, List<string> unmatched, ForwardOrigin? forwardedFrom)
    {
        if (options?.ReplyToMessageId is { } replyTo)
        {
            var target = _messagesById.TryGetValue(replyTo, out var slot)
                ? slot.Message
                : throw Rule(ChatRoomRule.MessageNotFound,
                    $"Message {replyTo} is not in room {Id}; a reply refers to a message of the same room.", replyTo, sender.Id);
            if (target.IsRecalled)
            {
                throw Rule(ChatRoomRule.MessageRecalled, $"Message {replyTo} was recalled; a recalled message cannot be replied to.", replyTo, sender.Id);
            }
        }

        var now = Clock.GetUtcNow();
        var sequence = _messages.Count + 1;
        var message = new RoomMessage(string.Create(CultureInfo.InvariantCulture, $"{Id}:{sequence}"), Id, sequence, sender, now, content)
        {
            ReplyToMessageId = options?.ReplyToMessageId,
            ForwardedFrom = forwardedFrom,
            Mentions = mentions,
            Previews = options is { Previews.Count: > 0 } ? [.. options.Previews] : [],
        };
        var slotForMessage = new MessageSlot(message);
        _messages.Add(slotForMessage);
        _messagesById.Add(message.Id, slotForMessage);
        _lastActivityAt = Max(_lastActivityAt, now);
        if (content is not SystemMessageContent)
        {
            _lastChatAt = now;
            if (FindState(sender.Id) is { ConnectedAt: null } senderState)
            {
                senderState.ConnectedAt = now; // Starting to chat puts the room in the sender's Recent Connections.
            }
        }

        var notified = _members.Where(state => Decide(state, message).Notify).Select(static state => state.Member.Id).ToArray();
        var delivery = new MessageDelivery(message, notified, unmatched.AsReadOnly());
        Enqueue((version, at) => new MessagePostedEventArgs(this, version, at, delivery));
        return delivery;
    }

    private bool IsConnected(MemberState state) =>
        state.ConnectedAt is not null || (Kind != RoomKind.Enquiry && _lastChatAt is not null);

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
    // it is not recalled, its kind allows the change, and at most five minutes have passed (SPEC §6).
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

    private static NotificationDecision Decide(MemberState state, RoomMessage message)
    {
        if (state.Member.Kind == RoomMemberKind.Bot)
        {
            return new(false, NotificationReason.Bot);
        }

        if (IsOwn(message, state.Member.Id))
        {
            return new(false, NotificationReason.OwnMessage);
        }

        if (message.IsRecalled)
        {
            return new(false, NotificationReason.Recalled);
        }

        var mentioned = message.Mentions.Includes(state.Member.Id);
        return state.Setting switch
        {
            RoomNotificationSetting.Muted => new(false, NotificationReason.Muted),
            RoomNotificationSetting.MentionsOnly when !mentioned => new(false, NotificationReason.NotMentioned),
            _ => new(true, mentioned ? NotificationReason.Mentioned : NotificationReason.NewMessage),
        };
    }

    // A member's own messages, and system messages that report their own action, neither notify them nor count as unread.
    private static bool IsOwn(RoomMessage message, string memberId) =>
        message.Sender.Id == memberId || (message.Content is SystemMessageContent { ActorId: { } actor } && actor == memberId);

    private int CountUnread(MemberState state)
    {
        var count = 0;
        for (var i = (int)Math.Min(state.ReadSequence, _messages.Count); i < _messages.Count; i++)
        {
            var message = _messages[i].Message;
            if (!message.IsRecalled && !IsOwn(message, state.Member.Id))
            {
                count++;
            }
        }

        return count;
    }

    private bool MoveReadPosition(MemberState state, long sequence)
    {
        if (sequence <= state.ReadSequence)
        {
            return false;
        }

        var previous = state.ReadSequence;
        state.ReadSequence = sequence;
        var unread = CountUnread(state);
        var memberId = state.Member.Id;
        Enqueue((version, at) => new ReadPositionMovedEventArgs(this, version, at, memberId, previous, sequence, unread));
        return true;
    }

    private void CheckFile(FileMessageContent file, string senderId)
    {
        string? problem = null;
        if (string.IsNullOrWhiteSpace(file.Name))
        {
            problem = "The file has no name; give it the name people will see, such as 'invoice.pdf'.";
        }
        else if (file.Size < 0)
        {
            problem = $"The file '{file.Name}' has a negative size ({file.Size}); give its size in bytes.";
        }
        else if (!UriRules.IsAbsoluteHttp(file.Link))
        {
            problem = $"The link of '{file.Name}' ({file.Link}) is not an absolute http or https URL.";
        }
        else if (!MediaTypeHeaderValue.TryParse(file.MediaType, out var mediaType) || mediaType.MediaType is not { } type || !type.Contains('/', StringComparison.Ordinal))
        {
            problem = $"The media type of '{file.Name}' ('{file.MediaType}') is not of the form type/subtype, such as 'application/pdf'.";
        }
        else if (ExpectedMediaPrefix(file.FileKind) is { } prefix && !type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"'{file.Name}' is shared as {file.FileKind} but its media type is '{type}'; it should be '{prefix}*'.";
        }

        if (problem is not null)
        {
            throw Rule(ChatRoomRule.InvalidFile, problem, memberId: senderId);
        }
    }

    private static string? ExpectedMediaPrefix(FileKind kind) => kind switch
    {
        FileKind.Image => "image/",
        FileKind.Video => "video/",
        FileKind.VoiceMessage => "audio/",
        _ => null,
    };

    private void RequireText(string text, string memberId, string? messageId = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Rule(ChatRoomRule.EmptyText, "The text is empty; a message needs some text.", messageId, memberId);
        }
    }

    private MemberState? FindState(string memberId)
    {
        foreach (var state in _members)
        {
            if (state.Member.Id == memberId)
            {
                return state;
            }
        }

        return null;
    }

    private List<RoomMember> MemberList() => [.. _members.Select(static state => state.Member)];

    private MemberState RequireMember(string memberId) => FindState(memberId) ?? throw NotAMember(memberId);

    private MessageSlot RequireSlot(string messageId) =>
        messageId is not null && _messagesById.TryGetValue(messageId, out var slot) ? slot : throw NotFound(messageId, null);

    private (MemberState Member, MessageSlot Slot) RequireMemberAndSlot(string memberId, string messageId) =>
        (RequireMember(memberId), RequireSlot(messageId));

    private ChatRoomRuleException NotAMember(string memberId) =>
        Rule(ChatRoomRule.NotAMember, $"'{memberId}' is not a member of room {Id}.", memberId: memberId);

    private ChatRoomRuleException NotFound(string? messageId, string? memberId) =>
        Rule(ChatRoomRule.MessageNotFound, $"Room {Id} has no message '{messageId}'.", messageId, memberId);
}

using System.Net.Http.Headers;

namespace Cinnox.Chatbot.Rooms;

// Posting messages: text, replies, files, SMS, system messages, forwarded copies and previews (docs/chat-rooms.md#chat-functions).
public abstract partial class ChatRoom
{
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

            Record(new MessagePreviewAttached { RoomId = Id, Sequence = _version + 1, OccurredAt = Clock.GetUtcNow(), MessageId = messageId, Preview = preview });
            updated = slot.Snapshot();
            Enqueue((version, at) => new MessagePreviewAttachedEventArgs(this, version, at, updated, preview));
        }

        DeliverEvents();
        return updated;
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

    /// <summary>Posts a message once every rule has passed: records <see cref="MessagePosted"/>. Called under <see cref="Gate"/>.</summary>
    /// <param name="sender">The sender.</param>
    /// <param name="content">The content.</param>
    /// <param name="options">What it replies to and its previews.</param>
    /// <param name="mentions">Who it mentions.</param>
    /// <param name="unmatched">Mentions that matched nobody.</param>
    /// <param name="forwardedFrom">Where a forwarded copy came from.</param>
    /// <returns>The message and who is notified.</returns>
    private protected MessageDelivery PostCore(
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
        var data = new MessageData
        {
            Id = MessageIds.Create(now),
            Sequence = _messages.Count + 1,
            Sender = sender,
            SentAt = now,
            Content = MessageContentData.From(content),
            ReplyToMessageId = options?.ReplyToMessageId,
            ForwardedFrom = forwardedFrom,
            Mentions = mentions.IsEmpty && mentions.Spans.Count == 0 ? null : mentions,
            Previews = options is { Previews.Count: > 0 } ? [.. options.Previews] : null,
        };
        Record(new MessagePosted { RoomId = Id, Sequence = _version + 1, OccurredAt = now, ActorId = sender.Id, Message = data }, content);
        var message = _messagesById[data.Id].Message;
        var notified = _members.Where(state => Decide(state, message).Notify).Select(static state => state.Member.Id).ToArray();
        var delivery = new MessageDelivery(message, notified, unmatched.AsReadOnly());
        Enqueue((version, at) => new MessagePostedEventArgs(this, version, at, delivery));
        return delivery;
    }

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

    private static string? ExpectedMediaPrefix(FileKind kind) => kind switch
    {
        FileKind.Image => "image/",
        FileKind.Video => "video/",
        FileKind.VoiceMessage => "audio/",
        _ => null,
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

    private void RequireText(string text, string memberId, string? messageId = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Rule(ChatRoomRule.EmptyText, "The text is empty; a message needs some text.", messageId, memberId);
        }
    }
}

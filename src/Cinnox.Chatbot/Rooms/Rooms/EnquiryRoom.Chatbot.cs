namespace Cinnox.Chatbot.Rooms;

// What a ChatbotConversation does to its enquiry: join the chatbot, and post its replies as they stream (docs/chat-rooms.md#enquiry-and-chatbot).
public sealed partial class EnquiryRoom
{
    internal void AddChatbot(RoomMember bot)
    {
        lock (Gate)
        {
            RequireOpen("given a chatbot");
            if (_chatbot is not null && _chatbot.Id != bot.Id)
            {
                throw Rule(ChatRoomRule.EnquiryStatusConflict, $"Enquiry {Enquiry.EnquiryId} already has the chatbot {_chatbot.DisplayName}.", memberId: bot.Id);
            }

            if (!IsMemberCore(bot.Id))
            {
                AddMemberCore(bot, connect: false, historyRead: true, actorId: RoomMember.PlatformBotId);
            }

            if (_chatbot is null)
            {
                Record(new ChatbotAssigned { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = RoomMember.PlatformBotId, Bot = bot });
            }
        }

        DeliverEvents();
    }

    internal RoomMessage BeginChatbotReply(RoomMember bot, string text)
    {
        RoomMessage message;
        lock (Gate)
        {
            var sender = RequireRoomMember(bot.Id);
            CheckCanPost(sender);
            var content = new ChatbotReplyContent(text, null, ChatbotReplyState.Streaming) { Streamed = true };
            message = PostCore(sender, content, null, MessageMentions.None, [], forwardedFrom: null).Message;
        }

        DeliverEvents();
        return message;
    }

    internal RoomMessage PostChatbotReply(RoomMember bot, ChatbotReplyContent content, ChatbotReply reply)
    {
        RoomMessage message;
        lock (Gate)
        {
            var sender = RequireRoomMember(bot.Id);
            CheckCanPost(sender);
            message = PostCore(sender, content, null, MessageMentions.None, [], forwardedFrom: null).Message;
            Enqueue((version, at) => new ChatbotReplyCompletedEventArgs(this, version, at, message, reply));
        }

        DeliverEvents();
        return message;
    }

    internal void AppendChatbotReply(string messageId, string delta)
    {
        lock (Gate)
        {
            RequireStreaming(messageId);
            Record(new ChatbotReplyDeltaAppended { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = _chatbot?.Id, MessageId = messageId, Delta = delta });
            Enqueue((version, at) => new ChatbotReplyDeltaEventArgs(this, version, at, messageId, delta));
        }

        DeliverEvents();
    }

    internal void ReplaceChatbotReply(string messageId, string text)
    {
        lock (Gate)
        {
            RequireStreaming(messageId);
            Record(new ChatbotReplyTextReplaced { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = _chatbot?.Id, MessageId = messageId, Text = text });
            Enqueue((version, at) => new ChatbotReplyTextReplacedEventArgs(this, version, at, messageId, text));
        }

        DeliverEvents();
    }

    internal RoomMessage CompleteChatbotReply(string messageId, ChatbotReplyContent content, ChatbotReply reply)
    {
        RoomMessage completed;
        lock (Gate)
        {
            RequireStreaming(messageId);
            Record(new ChatbotReplyCompleted
            {
                RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = _chatbot?.Id, MessageId = messageId, Content = MessageContentData.From(content),
            }, content);
            completed = RequireSlot(messageId).Message;
            Enqueue((version, at) => new ChatbotReplyCompletedEventArgs(this, version, at, completed, reply));
        }

        DeliverEvents();
        return completed;
    }

    internal void RecordChatbotWarning(ChatbotWarning warning)
    {
        lock (Gate)
        {
            Enqueue((version, at) => new ChatbotWarningEventArgs(this, version, at, warning)); // A warning is news, not a change: no event is stored.
        }

        DeliverEvents();
    }

    private MessageSlot RequireStreaming(string messageId)
    {
        var slot = RequireSlot(messageId);
        return slot.IsStreaming
            ? slot
            : throw new InvalidOperationException($"The chatbot reply {messageId} is not streaming; only a reply still arriving takes more text.");
    }
}

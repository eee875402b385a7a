namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// One message of a room, as it is at one moment: an immutable snapshot. Editing, recalling or a growing
/// chatbot reply produces a new snapshot with the same <see cref="Id"/>; the room's events carry them.
/// </summary>
public sealed class RoomMessage
{
    internal RoomMessage(string id, string roomId, long sequence, RoomMember sender, DateTimeOffset sentAt, RoomMessageContent content)
    {
        Id = id;
        RoomId = roomId;
        Sequence = sequence;
        Sender = sender;
        SentAt = sentAt;
        Content = content;
    }

    internal RoomMessage(RoomMessage other)
    {
        Id = other.Id;
        RoomId = other.RoomId;
        Sequence = other.Sequence;
        Sender = other.Sender;
        SentAt = other.SentAt;
        Content = other.Content;
        ReplyToMessageId = other.ReplyToMessageId;
        ForwardedFrom = other.ForwardedFrom;
        Mentions = other.Mentions;
        EditedAt = other.EditedAt;
        RecalledAt = other.RecalledAt;
        Previews = other.Previews;
    }

    /// <summary>Gets the message's id, unique across rooms (<c>{roomId}:{sequence}</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the id of the room the message is in.</summary>
    public string RoomId { get; }

    /// <summary>Gets the message's position in its room, from 1. Read positions are sequence numbers.</summary>
    public long Sequence { get; }

    /// <summary>Gets who sent the message; <see cref="RoomMember.PlatformBot"/> for system messages.</summary>
    public RoomMember Sender { get; }

    /// <summary>Gets when the message was sent, on the room's clock.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>Gets what the message holds; <see cref="RecalledMessageContent"/> once recalled.</summary>
    public RoomMessageContent Content { get; internal init; }

    /// <summary>Gets the kind of <see cref="Content"/>.</summary>
    public RoomMessageKind Kind => Content.Kind;

    /// <summary>
    /// Gets the id of the message this one replies to, in the same room. It is a reference: resolve it with
    /// <see cref="ChatRoom.GetQuotedMessage"/>, which shows a tombstone once the original is recalled.
    /// </summary>
    public string? ReplyToMessageId { get; internal init; }

    /// <summary>Gets where this message was forwarded from, or <see langword="null"/> when it is original.</summary>
    public ForwardOrigin? ForwardedFrom { get; internal init; }

    /// <summary>Gets who the message mentions.</summary>
    public MessageMentions Mentions { get; internal init; } = MessageMentions.None;

    /// <summary>Gets when the message was last edited, or <see langword="null"/>.</summary>
    public DateTimeOffset? EditedAt { get; internal init; }

    /// <summary>Gets when the message was recalled, or <see langword="null"/>.</summary>
    public DateTimeOffset? RecalledAt { get; internal init; }

    /// <summary>Gets the link and image previews attached to the message.</summary>
    public IReadOnlyList<MessagePreview> Previews { get; internal init; } = [];

    /// <summary>Gets a value indicating whether the message was edited.</summary>
    public bool IsEdited => EditedAt is not null;

    /// <summary>Gets a value indicating whether the message was recalled: its content is gone.</summary>
    public bool IsRecalled => RecalledAt is not null;

    /// <summary>Gets a value indicating whether the message is a system message of the platform bot.</summary>
    public bool IsSystem => Content is SystemMessageContent;

    /// <summary>Gets the text of a text message, an SMS, a system message or a chatbot reply; <see langword="null"/> otherwise.</summary>
    public string? Text => Content switch
    {
        TextMessageContent text => text.Text,
        SmsMessageContent sms => sms.Text,
        SystemMessageContent system => system.Text,
        ChatbotReplyContent reply => reply.Text,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Sender.DisplayName}: {(IsRecalled ? "(recalled)" : Content.ToPlainText())}";
}

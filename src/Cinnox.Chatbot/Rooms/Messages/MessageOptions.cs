namespace Cinnox.Chatbot.Rooms;

/// <summary>Optional parts of a message being posted: what it replies to, who it mentions by id, its previews.</summary>
public sealed class MessageOptions
{
    /// <summary>
    /// Gets or sets the message this one replies to: a message of the same room that is not recalled. The reply
    /// keeps a reference, never a copy.
    /// </summary>
    public string? ReplyToMessageId { get; set; }

    /// <summary>
    /// Gets the members mentioned by id, in addition to the <c>@all</c> and <c>@Name</c> mentions in the text. An
    /// id that is not a member is reported in <see cref="MessageDelivery.UnmatchedMentions"/>.
    /// </summary>
    public IList<string> MentionedMemberIds { get; } = [];

    /// <summary>Gets the link and image previews to attach.</summary>
    public IList<MessagePreview> Previews { get; } = [];
}

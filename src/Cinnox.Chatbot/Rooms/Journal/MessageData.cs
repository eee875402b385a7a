namespace Cinnox.Chatbot.Rooms;

/// <summary>A message as stored data, in a <see cref="MessagePosted"/> event or a <see cref="RoomSnapshot"/>.</summary>
public sealed record MessageData
{
    /// <summary>Gets the message's id, unique across rooms, processes and restarts.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the message's position among the room's messages: 1 for the first.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the sender.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(RoomMemberJsonConverter))]
    public required RoomMember Sender { get; init; }

    /// <summary>Gets when it was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Gets the content.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(SeparateJsonConverter<MessageContentData>))]
    public required MessageContentData Content { get; init; }

    /// <summary>Gets the id of the message this one replies to.</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>Gets where a forwarded copy came from.</summary>
    public ForwardOrigin? ForwardedFrom { get; init; }

    /// <summary>Gets who the message mentions.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(SeparateJsonConverter<MessageMentions>))]
    public MessageMentions? Mentions { get; init; }

    /// <summary>Gets the previews attached.</summary>
    public IReadOnlyList<MessagePreview>? Previews { get; init; }

    /// <summary>Gets when it was last edited.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Gets when it was recalled.</summary>
    public DateTimeOffset? RecalledAt { get; init; }

    /// <summary>Converts a message to data.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static MessageData From(RoomMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new()
        {
            Id = message.Id,
            Sequence = message.Sequence,
            Sender = message.Sender,
            SentAt = message.SentAt,
            Content = MessageContentData.From(message.Content),
            ReplyToMessageId = message.ReplyToMessageId,
            ForwardedFrom = message.ForwardedFrom,
            Mentions = message.Mentions.IsEmpty && message.Mentions.Spans.Count == 0 ? null : message.Mentions,
            Previews = message.Previews.Count == 0 ? null : message.Previews,
            EditedAt = message.EditedAt,
            RecalledAt = message.RecalledAt,
        };
    }

    /// <summary>Converts the data back to a message of a room.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <returns>The message.</returns>
    public RoomMessage ToMessage(string roomId) => ToMessage(roomId, null);

    internal RoomMessage ToMessage(string roomId, RoomMessageContent? content) => new(Id, roomId, Sequence, Sender, SentAt, content ?? Content.ToContent())
    {
        ReplyToMessageId = ReplyToMessageId,
        ForwardedFrom = ForwardedFrom,
        Mentions = Mentions ?? MessageMentions.None,
        Previews = Previews ?? [],
        EditedAt = EditedAt,
        RecalledAt = RecalledAt,
    };
}

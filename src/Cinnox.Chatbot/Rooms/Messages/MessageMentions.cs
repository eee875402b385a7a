namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Who a message mentions: everybody (<c>@all</c>) and/or members by id, as read from its text and given by id
/// when it was posted or last edited (docs/chat-rooms.md#chat-functions).
/// </summary>
public sealed class MessageMentions
{
    /// <summary>Initializes a new instance of the <see cref="MessageMentions"/> class, such as when reading a stored event.</summary>
    /// <param name="all">Whether the message mentions <c>@all</c>.</param>
    /// <param name="memberIds">The members mentioned, each once.</param>
    /// <param name="spans">Where the mentions sit in the text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="memberIds"/> or <paramref name="spans"/> is null.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public MessageMentions(bool all, IReadOnlyList<string> memberIds, IReadOnlyList<MentionSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        ArgumentNullException.ThrowIfNull(spans);
        All = all;
        MemberIds = memberIds;
        Spans = spans;
    }

    /// <summary>Gets mentions of nobody.</summary>
    public static MessageMentions None { get; } = new(false, [], []);

    /// <summary>Gets a value indicating whether the message mentions <c>@all</c>: every member of the room.</summary>
    public bool All { get; }

    /// <summary>Gets the members mentioned by name or id, each once, in order of first mention.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(SeparateItemsJsonConverter<string>))]
    public IReadOnlyList<string> MemberIds { get; }

    /// <summary>Gets the members mentioned by id (rather than in the text) when the message was posted or last edited; an edit that passes no ids keeps them.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(SeparateItemsJsonConverter<string>))]
    public IReadOnlyList<string> GivenMemberIds { get; init; } = [];

    /// <summary>Gets where the mentions sit in the text, in text order.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(MentionSpanListJsonConverter))]
    public IReadOnlyList<MentionSpan> Spans { get; }

    /// <summary>Gets a value indicating whether the message mentions anybody.</summary>
    public bool IsEmpty => !All && MemberIds.Count == 0;

    /// <summary>Determines whether a member is mentioned, by name, by id, or through <c>@all</c>.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns><see langword="true"/> when the member is mentioned.</returns>
    public bool Includes(string memberId) => All || MemberIds.Contains(memberId, StringComparer.Ordinal);
}

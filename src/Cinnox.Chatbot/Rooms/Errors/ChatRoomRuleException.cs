namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Thrown when a change to a room breaks one of the chat-room rules (docs/chat-rooms.md#chat-functions). Nothing was changed when it is
/// thrown. <see cref="Rule"/> says which rule; the message says why and what would be allowed.
/// </summary>
/// <remarks>
/// It derives from <see cref="InvalidOperationException"/>: the call was valid, the room's state does not allow it.
/// </remarks>
public sealed class ChatRoomRuleException : InvalidOperationException
{
    /// <summary>Initializes a new instance for a broken rule.</summary>
    /// <param name="rule">The rule that was broken.</param>
    /// <param name="message">A sentence that says what was refused and why.</param>
    /// <param name="roomId">The room, when one is concerned.</param>
    /// <param name="messageId">The message, when one is concerned.</param>
    /// <param name="memberId">The member who attempted the change, when one is concerned.</param>
    public ChatRoomRuleException(ChatRoomRule rule, string message, string? roomId = null, string? messageId = null, string? memberId = null)
        : base(message)
    {
        Rule = rule;
        RoomId = roomId;
        MessageId = messageId;
        MemberId = memberId;
    }

    /// <summary>Initializes a new instance with a default message.</summary>
    public ChatRoomRuleException()
        : this("A chat-room rule was broken.")
    {
    }

    /// <summary>Initializes a new instance with a message of its own.</summary>
    /// <param name="message">The description of the problem.</param>
    public ChatRoomRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="innerException">The cause.</param>
    public ChatRoomRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the rule that was broken.</summary>
    public ChatRoomRule Rule { get; }

    /// <summary>Gets the id of the room concerned, or <see langword="null"/>.</summary>
    public string? RoomId { get; }

    /// <summary>Gets the id of the message concerned, or <see langword="null"/>.</summary>
    public string? MessageId { get; }

    /// <summary>Gets the id of the member who attempted the change, or <see langword="null"/>.</summary>
    public string? MemberId { get; }
}

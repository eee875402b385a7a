namespace Cinnox.Chatbot.Rooms;

/// <summary>The text shown so far for a streaming chatbot reply was replaced (a keyword that arrived in pieces was taken out of it).</summary>
public sealed record ChatbotReplyTextReplaced : RoomEvent
{
    /// <summary>Gets the reply message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the text shown from now on.</summary>
    public required string Text { get; init; }
}

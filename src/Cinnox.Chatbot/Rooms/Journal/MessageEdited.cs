namespace Cinnox.Chatbot.Rooms;

/// <summary>A text message was edited by its sender.</summary>
public sealed record MessageEdited : RoomEvent
{
    /// <summary>Gets the message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the new text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the mentions of the new version, read again from the text (and ids given or kept).</summary>
    public required MessageMentions Mentions { get; init; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The tombstone a recalled message leaves: the message keeps its place, sender and time, but its content is
/// gone (docs/chat-rooms.md#chat-functions).
/// </summary>
public sealed class RecalledMessageContent : RoomMessageContent
{
    private RecalledMessageContent()
    {
    }

    /// <summary>Gets the tombstone.</summary>
    public static RecalledMessageContent Instance { get; } = new();

    /// <inheritdoc />
    public override RoomMessageKind Kind => RoomMessageKind.Recalled;

    /// <inheritdoc />
    public override string ToPlainText() => string.Empty;
}

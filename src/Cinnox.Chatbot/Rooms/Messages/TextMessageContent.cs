namespace Cinnox.Chatbot.Rooms;

/// <summary>A text message.</summary>
public sealed class TextMessageContent : RoomMessageContent
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public TextMessageContent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>Gets the text.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override RoomMessageKind Kind => RoomMessageKind.Text;

    /// <inheritdoc />
    public override string ToPlainText() => Text;
}

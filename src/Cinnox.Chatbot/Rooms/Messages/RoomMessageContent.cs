namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// What a <see cref="RoomMessage"/> holds: <see cref="TextMessageContent"/>, <see cref="FileMessageContent"/>,
/// <see cref="SmsMessageContent"/>, <see cref="SystemMessageContent"/>, <see cref="ChatbotReplyContent"/>, or the
/// <see cref="RecalledMessageContent"/> tombstone. Contents are immutable.
/// </summary>
public abstract class RoomMessageContent
{
    private protected RoomMessageContent()
    {
    }

    /// <summary>Gets what kind of content this is.</summary>
    public abstract RoomMessageKind Kind { get; }

    /// <summary>
    /// Gets the content as plain text, as <see cref="ChatRoom.Copy"/> gives it: a text's text, a file's name and
    /// link on two lines, an SMS's text, a chatbot reply's text (an advanced message's texts, media links and
    /// button labels, one per line); empty for a recalled message.
    /// </summary>
    /// <returns>The plain text.</returns>
    public abstract string ToPlainText();

    /// <inheritdoc />
    public override string ToString() => ToPlainText();
}

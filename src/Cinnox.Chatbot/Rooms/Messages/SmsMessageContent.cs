namespace Cinnox.Chatbot.Rooms;

/// <summary>An SMS a staff member sent from the room to a phone number.</summary>
public sealed class SmsMessageContent : RoomMessageContent
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="phoneNumber">The recipient, in E.164 form such as <c>+85291234567</c>.</param>
    /// <param name="text">The text sent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phoneNumber"/> or <paramref name="text"/> is null.</exception>
    public SmsMessageContent(string phoneNumber, string text)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        ArgumentNullException.ThrowIfNull(text);
        PhoneNumber = phoneNumber;
        Text = text;
    }

    /// <summary>Gets the recipient, in E.164 form.</summary>
    public string PhoneNumber { get; }

    /// <summary>Gets the text sent.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override RoomMessageKind Kind => RoomMessageKind.Sms;

    /// <inheritdoc />
    public override string ToPlainText() => Text;
}

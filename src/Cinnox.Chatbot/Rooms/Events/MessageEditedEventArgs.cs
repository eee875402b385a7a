namespace Cinnox.Chatbot.Rooms;

/// <summary>A text message was edited. Only the members it newly mentions are notified.</summary>
public sealed class MessageEditedEventArgs : ChatRoomEventArgs
{
    internal MessageEditedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, MessageDelivery delivery, string previousText)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(previousText);
        Delivery = delivery;
        PreviousText = previousText;
    }

    /// <summary>Gets the message after the edit and the members notified: only those the edit newly mentions.</summary>
    public MessageDelivery Delivery { get; }

    /// <summary>Gets the text before the edit.</summary>
    public string PreviousText { get; }

    /// <summary>Gets the message after the edit.</summary>
    public RoomMessage Message => Delivery.Message;
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>A message was posted: text, a file, an SMS, a system message, a forwarded copy, or the start of a chatbot reply.</summary>
public sealed class MessagePostedEventArgs : ChatRoomEventArgs
{
    internal MessagePostedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, MessageDelivery delivery)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Delivery = delivery;
    }

    /// <summary>Gets the message and who is notified of it.</summary>
    public MessageDelivery Delivery { get; }

    /// <summary>Gets the message as posted.</summary>
    public RoomMessage Message => Delivery.Message;
}

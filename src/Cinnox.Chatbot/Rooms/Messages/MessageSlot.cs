using System.Text;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A message's place in a room. A chatbot reply that is streaming keeps its text in <see cref="Pending"/> and is
/// turned into a snapshot only when someone asks, so a long stream costs time in proportion to its length.
/// Guarded by the room's lock.
/// </summary>
internal sealed class MessageSlot(RoomMessage message)
{
    public RoomMessage Message { get; set; } = message;

    public StringBuilder? Pending { get; set; }

    public bool IsStreaming => Pending is not null;

    public RoomMessage Snapshot() => Pending is null
        ? Message
        : new RoomMessage(Message) { Content = new ChatbotReplyContent(Pending.ToString(), null, ChatbotReplyState.Streaming) { Streamed = true } };
}

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Work a command queues in the same transaction as its events, such as a chatbot turn queued with the visitor's
/// message (docs/chat-rooms.md#rooms-that-last): it exists if and only if the events were committed, and items of a room keep the order of
/// the events that queued them.
/// </summary>
/// <param name="Queue">The queue's name, such as <c>chatbot-turn</c>.</param>
/// <param name="Sequence">The room's sequence of the event that queued it; items of a room are taken in this order.</param>
/// <param name="Payload">What the worker needs, as UTF-8 JSON.</param>
public sealed record RoomWorkItem(string Queue, long Sequence, ReadOnlyMemory<byte> Payload);

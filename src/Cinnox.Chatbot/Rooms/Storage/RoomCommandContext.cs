namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>What a command run by <see cref="RoomRepository.ExecuteAsync{T}(string, Func{RoomCommandContext, T}, string?, CancellationToken)"/> gets: the room, and a way to queue work in the same transaction.</summary>
public sealed class RoomCommandContext
{
    private readonly List<RoomWorkItem> _work = [];

    internal RoomCommandContext(ChatRoom room) => Room = room;

    /// <summary>Gets the room, at the version the command runs on. A command may run more than once (after a conflict), each time on a fresh room.</summary>
    public ChatRoom Room { get; }

    internal IReadOnlyList<RoomWorkItem> Work => _work;

    /// <summary>Queues work to be committed with the command's events, or not at all: ordered after the room's events so far.</summary>
    /// <param name="queue">The queue's name, such as <c>chatbot-turn</c>.</param>
    /// <param name="payload">What the worker needs, as UTF-8 JSON.</param>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is null or white space.</exception>
    public void QueueWork(string queue, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        _work.Add(new RoomWorkItem(queue, Room.Version, payload));
    }
}

namespace Cinnox.Chatbot.Rooms.Storage;

// Loading rooms from the store and keeping them cached between commands.
public sealed partial class RoomRepository
{
    private async Task<ChatRoom?> LoadAsync(string roomId, CancellationToken cancellationToken)
    {
        var stored = await _store.LoadAsync(roomId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var snapshot = stored.Snapshot is { } data ? RoomEventSerializer.DeserializeSnapshot(data.SchemaVersion, data.Data.Span) : null;
        IReadOnlyList<SerializedRoomEvent> tail = stored.Events;
        if (stored.Snapshot is not null && snapshot is null)
        {
            // The snapshot cannot be read by this version: fold every event instead.
            tail = await ReadAllEventsAsync(roomId, cancellationToken).ConfigureAwait(false);
        }

        return ChatRoom.Restore(snapshot, tail.Select(RoomEventSerializer.Deserialize), _clock);
    }

    private async Task<IReadOnlyList<SerializedRoomEvent>> ReadAllEventsAsync(string roomId, CancellationToken cancellationToken)
    {
        var all = new List<SerializedRoomEvent>();
        while (true)
        {
            var page = await _store.ReadEventsAsync(roomId, all.Count, 1000, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    private void TrimCache()
    {
        if (_rooms.Count <= _options.MaxCachedRooms)
        {
            return;
        }

        foreach (var (id, cached) in _rooms)
        {
            if (_rooms.Count <= _options.MaxCachedRooms / 2)
            {
                break;
            }

            if (cached.Gate.CurrentCount > 0)
            {
                cached.Room = null; // Keep the gate (another caller may hold it soon); drop the loaded room.
                if (_options.MaxCachedRooms == 0 || cached.Gate.CurrentCount > 0)
                {
                    _rooms.TryRemove(new KeyValuePair<string, CachedRoom>(id, cached));
                }
            }
        }
    }

    private sealed class CachedRoom
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ChatRoom? Room { get; set; }
    }
}

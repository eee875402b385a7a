namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A set of rooms seen together, like the CINNOX Workspace: each member's Recent Connections (their rooms, most
/// recent activity first) and their unread rooms badge, and one event that relays every room's changes.
/// </summary>
/// <remarks>
/// A room appears in a member's Recent Connections once the member handles the enquiry (<see cref="EnquiryRoom.Accept"/>)
/// or chatting has started in it (docs/chat-rooms.md#notifications-and-badges). Thread-safe.
/// </remarks>
public sealed class ChatWorkspace
{
    private readonly Lock _gate = new();
    private readonly List<ChatRoom> _rooms = [];

    /// <summary>Raised after every change to any room of the workspace; the sender is the room.</summary>
    public event EventHandler<ChatRoomEventArgs>? RoomChanged;

    /// <summary>Gets the rooms, in the order they were added.</summary>
    public IReadOnlyList<ChatRoom> Rooms
    {
        get
        {
            lock (_gate)
            {
                return [.. _rooms];
            }
        }
    }

    /// <summary>Adds a room and starts relaying its changes.</summary>
    /// <typeparam name="TRoom">The kind of room.</typeparam>
    /// <param name="room">The room.</param>
    /// <returns>The room, for chaining.</returns>
    /// <exception cref="ArgumentException">The workspace already has a room with that id.</exception>
    public TRoom Add<TRoom>(TRoom room)
        where TRoom : ChatRoom
    {
        ArgumentNullException.ThrowIfNull(room);
        lock (_gate)
        {
            if (_rooms.Exists(existing => existing.Id == room.Id))
            {
                throw new ArgumentException($"The workspace already has a room with the id '{room.Id}'.", nameof(room));
            }

            _rooms.Add(room);
        }

        room.Changed += OnRoomChanged;
        return room;
    }

    /// <summary>Removes a room and stops relaying its changes.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <returns><see langword="true"/> when the room was in the workspace.</returns>
    public bool Remove(string roomId)
    {
        ChatRoom? room;
        lock (_gate)
        {
            room = _rooms.Find(existing => existing.Id == roomId);
            if (room is null)
            {
                return false;
            }

            _rooms.Remove(room);
        }

        room.Changed -= OnRoomChanged;
        return true;
    }

    /// <summary>Finds a room by id.</summary>
    /// <param name="roomId">The room's id.</param>
    /// <returns>The room, or <see langword="null"/>.</returns>
    public ChatRoom? FindRoom(string roomId)
    {
        lock (_gate)
        {
            return _rooms.Find(room => room.Id == roomId);
        }
    }

    /// <summary>
    /// Gets a member's Recent Connections: the rooms they handle or chat in, most recent activity first (ties by
    /// room id), each with its unread count.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The rooms; empty before the member handles an enquiry or starts chatting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memberId"/> is null.</exception>
    public IReadOnlyList<RecentConnection> GetRecentConnections(string memberId)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        return [.. Rooms
            .Select(room => room.GetRecentConnection(memberId))
            .OfType<RecentConnection>()
            .OrderByDescending(static connection => connection.LastActivityAt)
            .ThenBy(static connection => connection.Room.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Counts the member's rooms with at least one unread message: the number on the Workspace's unread rooms badge.
    /// Muted rooms count too (mute silences notifications, not badges), and so does a room with only a system message
    /// unread, as its own unread count does.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The count; 0 hides the badge.</returns>
    public int GetUnreadRoomCount(string memberId) => Rooms.Count(room => room.GetUnreadCount(memberId) > 0);

    private void OnRoomChanged(object? sender, ChatRoomEventArgs change) => RoomChanged?.Invoke(sender, change);
}

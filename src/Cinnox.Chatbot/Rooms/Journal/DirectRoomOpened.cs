namespace Cinnox.Chatbot.Rooms;

/// <summary>A direct room was opened (the first event of a <see cref="DirectRoom"/>); its two members join in the next events.</summary>
public sealed record DirectRoomOpened : RoomEvent;

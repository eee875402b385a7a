using System.Globalization;

namespace Cinnox.Chatbot.Rooms;

/// <summary>Makes message ids unique across rooms, processes and restarts (docs/chat-rooms.md#rooms-that-last): version-7 GUIDs, which sort by creation time.</summary>
internal static class MessageIds
{
    /// <summary>Makes a new message id.</summary>
    /// <param name="now">The time on the room's clock.</param>
    /// <returns>32 lowercase hexadecimal digits.</returns>
    public static string Create(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N", CultureInfo.InvariantCulture);
}

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>A message as the history read model keeps it.</summary>
/// <param name="RoomId">The room's id.</param>
/// <param name="MessageId">The message's id.</param>
/// <param name="Sequence">The message's sequence in the room, from 1.</param>
/// <param name="SenderId">The sender's member id.</param>
/// <param name="SenderName">The sender's display name.</param>
/// <param name="Kind">The kind of message (<see cref="RoomMessageKind.Recalled"/> once recalled).</param>
/// <param name="Text">The plain text (see <see cref="ChatRoom.Copy"/>), or <see langword="null"/> once recalled.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="EditedAt">When it was last edited.</param>
/// <param name="RecalledAt">When it was recalled.</param>
public sealed record MessageRecord(
    string RoomId, string MessageId, long Sequence, string SenderId, string SenderName, RoomMessageKind Kind, string? Text,
    DateTimeOffset SentAt, DateTimeOffset? EditedAt, DateTimeOffset? RecalledAt)
{
    /// <summary>Gets a value indicating whether the message was edited.</summary>
    public bool IsEdited => EditedAt is not null;

    /// <summary>Gets a value indicating whether the message was recalled.</summary>
    public bool IsRecalled => RecalledAt is not null;
}

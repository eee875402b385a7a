namespace Cinnox.Chatbot.Rooms;

/// <summary>A member changed their notification setting for the room.</summary>
public sealed class NotificationSettingChangedEventArgs : ChatRoomEventArgs
{
    internal NotificationSettingChangedEventArgs(ChatRoom room, long version, DateTimeOffset occurredAt, string memberId, RoomNotificationSetting setting)
        : base(room, version, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        MemberId = memberId;
        Setting = setting;
    }

    /// <summary>Gets the member.</summary>
    public string MemberId { get; }

    /// <summary>Gets the new setting.</summary>
    public RoomNotificationSetting Setting { get; }
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>A member changed their notification setting for the room.</summary>
public sealed record NotificationSettingChanged : RoomEvent
{
    /// <summary>Gets the member's id.</summary>
    public required string MemberId { get; init; }

    /// <summary>Gets the new setting.</summary>
    public required RoomNotificationSetting Setting { get; init; }
}

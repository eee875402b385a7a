namespace Cinnox.Chatbot.Rooms;

/// <summary>Who can join a Space room.</summary>
public enum SpaceVisibility
{
    /// <summary>Only people a member adds.</summary>
    Private = 0,

    /// <summary>Any staff member can join.</summary>
    Public = 1,
}

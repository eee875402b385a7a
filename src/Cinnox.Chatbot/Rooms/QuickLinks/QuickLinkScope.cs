namespace Cinnox.Chatbot.Rooms;

/// <summary>Whose a <see cref="QuickLink"/> is.</summary>
public enum QuickLinkScope
{
    /// <summary>One staff member's own link or number.</summary>
    Personal = 0,

    /// <summary>A channel's link or number, available to every staff member.</summary>
    Channel = 1,
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>What an enquiry was routed to.</summary>
public enum DestinationType
{
    /// <summary>A General Chatbot.</summary>
    Chatbot = 0,

    /// <summary>A service group of staff members.</summary>
    ServiceGroup = 1,

    /// <summary>One staff member.</summary>
    Staff = 2,
}

namespace Cinnox.Chatbot.Rooms;

/// <summary>Who a room member is.</summary>
public enum RoomMemberKind
{
    /// <summary>A staff member working in the CINNOX Workspace.</summary>
    Staff = 0,

    /// <summary>A visitor or customer who started an enquiry.</summary>
    Visitor = 1,

    /// <summary>An external contact, such as a lead or a prospect, engaged by a staff member.</summary>
    ExternalContact = 2,

    /// <summary>A bot: a chatbot that handles enquiries, or the platform bot that posts system messages.</summary>
    Bot = 3,
}

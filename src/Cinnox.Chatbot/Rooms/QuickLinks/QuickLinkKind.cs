namespace Cinnox.Chatbot.Rooms;

/// <summary>What a <see cref="QuickLink"/> expands to.</summary>
public enum QuickLinkKind
{
    /// <summary>A web link, such as a personal or channel Direct Chat weblink.</summary>
    WebLink = 0,

    /// <summary>A phone number, such as a personal or channel virtual number.</summary>
    PhoneNumber = 1,
}

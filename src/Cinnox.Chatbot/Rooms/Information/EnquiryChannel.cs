namespace Cinnox.Chatbot.Rooms;

/// <summary>Where a visitor's enquiry came from (docs/chat-rooms.md#rooms-and-their-information). <see cref="EnquiryChannelExtensions.GetDisplayName"/> gives the name the platform shows.</summary>
public enum EnquiryChannel
{
    /// <summary>A tag (a website widget entry point). UTM information is read from its weblink.</summary>
    Tag = 0,

    /// <summary>A direct chat or call weblink shared by a staff member. UTM information is read from it.</summary>
    Weblink = 1,

    /// <summary>A virtual phone number (call or SMS).</summary>
    VirtualNumber = 2,

    /// <summary>A social channel. Its weblinks carry no UTM information.</summary>
    Social = 3,

    /// <summary>A third-party channel.</summary>
    ThirdParty = 4,
}

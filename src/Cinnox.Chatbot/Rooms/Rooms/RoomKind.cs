namespace Cinnox.Chatbot.Rooms;

/// <summary>The four kinds of room (docs/chat-rooms.md#rooms-and-their-information).</summary>
public enum RoomKind
{
    /// <summary>A visitor's or customer's enquiry (<see cref="EnquiryRoom"/>).</summary>
    Enquiry = 0,

    /// <summary>Staff-to-staff chat and calls, and calls with external contacts (<see cref="DirectRoom"/>).</summary>
    Direct = 1,

    /// <summary>An internal group chat, private or public (<see cref="SpaceRoom"/>).</summary>
    Space = 2,

    /// <summary>A conference call's room (<see cref="ConferenceRoom"/>).</summary>
    Conference = 3,
}

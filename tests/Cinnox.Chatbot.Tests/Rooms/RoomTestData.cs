using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Rooms.Tests;

/// <summary>Members and rooms shared by the chat-room tests.</summary>
internal static class RoomTestData
{
    public static readonly RoomMember Alice = RoomMember.Staff("alice", "Alice Wong");
    public static readonly RoomMember Bob = RoomMember.Staff("bob", "Bob");
    public static readonly RoomMember Ann = RoomMember.Staff("ann", "Ann");
    public static readonly RoomMember AnnLee = RoomMember.Staff("ann-lee", "Ann Lee");
    public static readonly RoomMember Carol = RoomMember.Staff("carol", "Carol");
    public static readonly RoomMember Lead = RoomMember.ExternalContact("lead-1", "Peter Prospect");

    public static SpaceRoom Space(FakeTimeProvider clock, params RoomMember[] others)
    {
        var space = new SpaceRoom("space-1", "Support team", Alice, SpaceVisibility.Public, "Where support staff talk", clock);
        foreach (var member in others)
        {
            space.AddMember(Alice.Id, member);
        }

        return space;
    }

    public static EnquiryRoomOptions EnquiryOptions(EnquiryChannel channel = EnquiryChannel.Weblink, string? weblink = null) => new()
    {
        EnquiryId = "ENQ-1001",
        Channel = channel,
        ChannelDetail = "Spring sale page",
        Language = "en",
        Location = "Hong Kong",
        Weblink = weblink is null ? null : new Uri(weblink),
        VisitorInformation = new VisitorInformation { FirstName = "Ada", LastName = "Lovelace", Phone = "+85291234567", Email = "ada@example.com" },
        IsVisitorFormEnabled = true,
        Destination = new DestinationInformation("Test Bot", DestinationType.Chatbot, "http://127.0.0.1/bot"),
    };

    public static EnquiryRoom Enquiry(FakeTimeProvider clock, EnquiryChannel channel = EnquiryChannel.Weblink, string? weblink = null) =>
        new(EnquiryOptions(channel, weblink), clock);

    public static List<ChatRoomEventArgs> Record(ChatRoom room)
    {
        var events = new List<ChatRoomEventArgs>();
        room.Changed += (_, change) =>
        {
            lock (events)
            {
                events.Add(change);
            }
        };
        return events;
    }
}

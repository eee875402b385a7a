using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Rooms;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// The chat-room model under load: a long chatbot reply streamed into a room delta by delta (its cost must grow
/// with the reply's length, not its square), posting messages with mentions, and counting unread messages.
/// </summary>
[MemoryDiagnoser]
public class ChatRoomBenchmarks
{
    private static readonly RoomMember[] Staff = [.. Enumerable.Range(0, 50).Select(i => RoomMember.Staff($"staff-{i}", $"Staff Member {i}"))];
    private SpaceRoom _space = null!;

    /// <summary>Gets or sets the number of deltas streamed or messages posted.</summary>
    [Params(1_000, 10_000)]
    public int Count { get; set; }

    /// <summary>Fills a Space with 50 members and <see cref="Count"/> messages.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _space = new SpaceRoom("space", "Load", Staff[0], SpaceVisibility.Public);
        foreach (var member in Staff.Skip(1))
        {
            _space.Join(member);
        }

        for (var i = 0; i < Count; i++)
        {
            _space.PostText(Staff[i % Staff.Length].Id, $"Message {i}");
        }
    }

    /// <summary>Streams a reply of <see cref="Count"/> five-character deltas into an enquiry room, then completes it.</summary>
    /// <returns>The final text's length.</returns>
    [Benchmark]
    public int StreamReplyIntoRoom()
    {
        var room = new EnquiryRoom(new EnquiryRoomOptions { EnquiryId = "ENQ-1", Destination = new DestinationInformation("Bot", DestinationType.Chatbot) });
        var bot = RoomMember.Bot("bot", "Bot");
        room.AddChatbot(bot);
        var writer = new Rooms.Internal.ChatbotReplyWriter(room, bot);
        for (var i = 0; i < Count; i++)
        {
            writer.Append("word ");
        }

        var (message, _) = writer.Complete(new ChatbotReply { Outcome = ChatbotOutcome.Completed, Text = writer.ReceivedText, Streamed = true }, ChatbotAction.None);
        return message!.Text!.Length;
    }

    /// <summary>Posts <see cref="Count"/> messages, each mentioning one member by name, in a Space of 50.</summary>
    /// <returns>The number of members notified of the last message.</returns>
    [Benchmark]
    public int PostWithMentions()
    {
        var space = new SpaceRoom("space", "Load", Staff[0], SpaceVisibility.Public);
        foreach (var member in Staff.Skip(1))
        {
            space.Join(member);
        }

        MessageDelivery? delivery = null;
        for (var i = 0; i < Count; i++)
        {
            delivery = space.PostText(Staff[0].Id, $"Please check this, @Staff Member {i % 50} and @nobody");
        }

        return delivery!.NotifiedMemberIds.Count;
    }

    /// <summary>Counts a member's unread messages in a room of <see cref="Count"/> messages, read from the start.</summary>
    /// <returns>The count.</returns>
    [Benchmark]
    public int CountUnread() => _space.GetUnreadCount(Staff[1].Id);
}

using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cinnox.Chatbot.Rooms;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// The chat-room model under load: a long chatbot reply streamed into a room delta by delta (its cost must grow
/// with the reply's length, not its square), posting messages with mentions, and counting unread messages.
/// Each has its own baseline, the floor of the same work without the room: appending the deltas to a
/// <see cref="StringBuilder"/>, posting the same number of messages without mentions, and counting over a plain list.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChatRoomBenchmarks
{
    private static readonly RoomMember[] Staff = [.. Enumerable.Range(0, 50).Select(i => RoomMember.Staff($"staff-{i}", $"Staff Member {i}"))];
    private SpaceRoom _space = null!;
    private (string SenderId, bool Recalled)[] _plainMessages = [];

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

        _plainMessages = [.. Enumerable.Range(0, Count).Select(i => (Staff[i % Staff.Length].Id, false))];
    }

    /// <summary>The floor of streaming: the same deltas appended to a <see cref="StringBuilder"/>.</summary>
    /// <returns>The final text's length.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Stream")]
    public int AppendToStringBuilder()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            text.Append("word ");
        }

        return text.ToString().Length;
    }

    /// <summary>Streams a reply of <see cref="Count"/> five-character deltas into an enquiry room, then completes it.</summary>
    /// <returns>The final text's length.</returns>
    [Benchmark]
    [BenchmarkCategory("Stream")]
    public int StreamReplyIntoRoom()
    {
        var room = new EnquiryRoom(new EnquiryRoomOptions { EnquiryId = "ENQ-1", Destination = new DestinationInformation("Bot", DestinationType.Chatbot) });
        var bot = RoomMember.Bot("bot", "Bot");
        room.AddChatbot(bot);
        var writer = new Rooms.ChatbotReplyWriter(room, bot);
        for (var i = 0; i < Count; i++)
        {
            writer.Append("word ");
        }

        var (message, _) = writer.Complete(new ChatbotReply { Outcome = ChatbotOutcome.Completed, Text = writer.ReceivedText, Streamed = true }, ChatbotAction.None);
        return message!.Text!.Length;
    }

    /// <summary>Posts <see cref="Count"/> messages without mentions in a Space of 50.</summary>
    /// <returns>The number of members notified of the last message.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Post")]
    public int PostWithoutMentions()
    {
        var space = new SpaceRoom("space", "Load", Staff[0], SpaceVisibility.Public);
        foreach (var member in Staff.Skip(1))
        {
            space.Join(member);
        }

        MessageDelivery? delivery = null;
        for (var i = 0; i < Count; i++)
        {
            delivery = space.PostText(Staff[0].Id, $"Please check this, Staff Member {i % 50} and nobody");
        }

        return delivery!.NotifiedMemberIds.Count;
    }

    /// <summary>Posts <see cref="Count"/> messages, each mentioning one member by name, in a Space of 50.</summary>
    /// <returns>The number of members notified of the last message.</returns>
    [Benchmark]
    [BenchmarkCategory("Post")]
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

    /// <summary>The floor of counting: the same rule (not own, not recalled) over a plain array.</summary>
    /// <returns>The count.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Unread")]
    public int CountOverPlainArray()
    {
        var reader = Staff[1].Id;
        var count = 0;
        foreach (var (sender, recalled) in _plainMessages)
        {
            if (!recalled && sender != reader)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts a member's unread messages in a room of <see cref="Count"/> messages, read from the start.</summary>
    /// <returns>The count.</returns>
    [Benchmark]
    [BenchmarkCategory("Unread")]
    public int CountUnread() => _space.GetUnreadCount(Staff[1].Id);
}

using Microsoft.Extensions.Time.Testing;
using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Rooms.Tests;

/// <summary>
/// A room is the fold of its events (docs/chat-rooms.md#rooms-that-last): random command sequences, restored from the events, from a snapshot
/// plus the tail, and from their stored JSON, give the same room in state and in what it allows next.
/// </summary>
public class RoomFoldPropertyTests
{
    private static readonly RoomMember[] Staff = [RoomMember.Staff("alice", "Alice"), RoomMember.Staff("bob", "Bob"), RoomMember.Staff("carol", "Carol Chan")];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCommands_RestoredRoom_IsTheSameInStateAndInWhatItAllowsNext(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider();
        ChatRoom room = seed % 2 == 0
            ? new SpaceRoom($"space-{seed}", "Team", Staff[0], SpaceVisibility.Public, timeProvider: clock)
            : new EnquiryRoom(new EnquiryRoomOptions { EnquiryId = $"ENQ-{seed}", Channel = EnquiryChannel.Weblink, Weblink = new Uri("https://shop.example/?utm_source=fb") }, clock);
        var events = new List<RoomEvent>(room.TakePendingEvents());
        var snapshotAt = random.Next(1, 60);
        RoomSnapshot? snapshot = null;
        var eventsAtSnapshot = 0;

        for (var step = 0; step < 80; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 90)));
            RunRandomCommand(room, random);
            events.AddRange(room.TakePendingEvents());
            if (step == snapshotAt)
            {
                snapshot = room.CreateSnapshot();
                eventsAtSnapshot = events.Count;
            }
        }

        var fromEvents = ChatRoom.Restore(null, events, clock);
        var fromSnapshot = ChatRoom.Restore(RoundTrip(snapshot!), events.Skip(eventsAtSnapshot), clock);
        var fromJson = ChatRoom.Restore(null, events.Select(RoomEventSerializer.Serialize).Select(RoomEventSerializer.Deserialize), clock);

        events.Select(change => change.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), "events are numbered without gaps");
        foreach (var restored in new[] { fromEvents, fromSnapshot, fromJson })
        {
            Json(restored).Should().Be(Json(room));
            restored.Version.Should().Be(room.Version);
            AllowedNext(restored).Should().Equal(AllowedNext(room));
            foreach (var member in Staff)
            {
                restored.GetUnreadCount(member.Id).Should().Be(room.GetUnreadCount(member.Id));
                restored.GetUnreadCount(member.Id).Should().Be(
                    room.Messages.Count(message => message.Sequence > SafeReadPosition(room, member.Id) && !message.IsRecalled && message.Sender.Id != member.Id
                        && !(message.Content is SystemMessageContent { ActorId: { } actor } && actor == member.Id)) * (room.IsMember(member.Id) ? 1 : 0),
                    "the kept count equals a recount from the history");
            }

            // The same next command does the same thing on both.
            var before = Json(room);
            var a = Outcome(() => RunRandomCommand(room, new Random(seed * 31)));
            var b = Outcome(() => RunRandomCommand(restored, new Random(seed * 31)));
            b.Should().Be(a);
            room = ChatRoom.Restore(null, events, clock); // Undo for the next comparison.
            Json(room).Should().Be(before);
        }
    }

    private static long SafeReadPosition(ChatRoom room, string memberId) => room.IsMember(memberId) ? room.GetReadPosition(memberId) : 0;

    private static RoomSnapshot RoundTrip(RoomSnapshot snapshot) =>
        RoomEventSerializer.DeserializeSnapshot(RoomSnapshot.CurrentSchemaVersion, RoomEventSerializer.SerializeSnapshot(snapshot))!;

    private static string Json(ChatRoom room) => Encoding.UTF8.GetString(RoomEventSerializer.SerializeSnapshot(room.CreateSnapshot()));

    private static string Outcome(Action act)
    {
        try
        {
            act();
            return "done";
        }
        catch (ChatRoomRuleException exception)
        {
            return exception.Rule.ToString();
        }
    }

    private static List<string> AllowedNext(ChatRoom room)
    {
        var allowed = new List<string>();
        foreach (var message in room.Messages)
        {
            foreach (var member in Staff.Append(RoomMember.Visitor("x", "X")))
            {
                allowed.Add($"{member.Id} {message.Sequence} edit={room.CanEdit(member.Id, message.Id)} recall={room.CanRecall(member.Id, message.Id)}");
            }
        }

        if (room is EnquiryRoom enquiry)
        {
            allowed.Add($"status={enquiry.Status} agent={enquiry.Agent?.Id}");
        }

        return allowed;
    }

    private static void RunRandomCommand(ChatRoom room, Random random)
    {
        var member = Staff[random.Next(Staff.Length)];
        var messages = room.Messages;
        var message = messages.Count > 0 ? messages[random.Next(messages.Count)] : null;
        try
        {
            switch (random.Next(12))
            {
                case 0 when room is SpaceRoom space: space.Join(member); break;
                case 0 when room is EnquiryRoom enquiry: enquiry.Accept(member); break;
                case 1: room.PostText(member.Id, $"hi @{Staff[random.Next(Staff.Length)].DisplayName} {random.Next(100)}"); break;
                case 2 when message is not null: room.Edit(message.Sender.Id, message.Id, $"edited {random.Next(100)}"); break;
                case 3 when message is not null: room.Recall(message.Sender.Id, message.Id); break;
                case 4: room.MarkRead(member.Id); break;
                case 5 when message is not null: room.MarkReadUpTo(member.Id, message.Id); break;
                case 6: room.Mute(member.Id); break;
                case 7 when message is not null: room.Reply(member.Id, message.Id, "re"); break;
                case 8: room.PostFile(member.Id, new FileMessageContent(FileKind.Image, "a.png", random.Next(10_000), "image/png", new Uri("https://files.example/a.png"))); break;
                case 9 when message is not null: room.AttachPreview(message.Id, new ImagePreview(new Uri("https://files.example/p.png")) { Width = 10 }); break;
                case 10 when room is SpaceRoom space: space.Leave(member.Id); break;
                case 10 when room is EnquiryRoom enquiry: enquiry.AddLabels(member.Id, [$"label{random.Next(3)}"]); break;
                case 11 when room is EnquiryRoom enquiry && random.Next(4) == 0: enquiry.Close(member.Id, "done"); break;
                default: room.PostSystemMessage($"notice {random.Next(100)}"); break;
            }
        }
        catch (ChatRoomRuleException)
        {
            // Refused commands are part of the sequence: they must change nothing.
        }
    }
}

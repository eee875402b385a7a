using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Storage.Tests;

public class ChatbotTurnsTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task PostVisitorMessage_EnquiryWithTheChatbot_QueuesTheTurnInTheSameCommit()
    {
        var store = new InMemoryRoomStore();
        await using var rooms = new RoomRepository(store, timeProvider: _clock);
        var enquiry = await rooms.CreateAsync(Enquiry(_clock));

        var posted = await rooms.ExecuteAsync(enquiry.Id, context => context.PostVisitorMessage("Where is my order?"));

        var (roomId, item) = store.Work.Should().ContainSingle().Subject;
        roomId.Should().Be(enquiry.Id);
        item.Queue.Should().Be(ChatbotTurns.Queue);
        item.Sequence.Should().Be(posted.Version, "the turn follows the message's event");
        using var payload = JsonDocument.Parse(item.Payload);
        payload.RootElement.GetProperty("messageId").GetString().Should().Be(posted.MessageId);
        payload.RootElement.GetProperty("query").GetString().Should().Be("Where is my order?");
    }

    [Fact]
    public async Task PostVisitorMessage_EnquiryWithAnAgent_PostsWithoutATurn()
    {
        var store = new InMemoryRoomStore();
        await using var rooms = new RoomRepository(store, timeProvider: _clock);
        var enquiry = await rooms.CreateAsync(Enquiry(_clock));
        await rooms.ExecuteAsync(enquiry.Id, room => { ((EnquiryRoom)room).Accept(Alice); return 0; });

        var posted = await rooms.ExecuteAsync(enquiry.Id, context => context.PostVisitorMessage("Hello?"));

        posted.MessageId.Should().NotBeNull();
        store.Work.Should().BeEmpty("the agent answers; nothing goes to the chatbot");
    }

    [Fact]
    public async Task PostVisitorMessage_RefusedByTheRoom_QueuesNothing()
    {
        var store = new InMemoryRoomStore();
        await using var rooms = new RoomRepository(store, timeProvider: _clock);
        var enquiry = await rooms.CreateAsync(Enquiry(_clock));

        var empty = async () => await rooms.ExecuteAsync(enquiry.Id, context => context.PostVisitorMessage("   "));

        await empty.Should().ThrowAsync<ChatRoomRuleException>();
        store.Work.Should().BeEmpty();
    }

    [Fact]
    public async Task PostVisitorMessage_NotAnEnquiry_IsRefusedNamingTheRoom()
    {
        await using var rooms = new RoomRepository(new InMemoryRoomStore(), timeProvider: _clock);
        var space = await rooms.CreateAsync(Space(_clock));

        var post = async () => await rooms.ExecuteAsync(space.Id, context => context.PostVisitorMessage("hi"));

        (await post.Should().ThrowAsync<ArgumentException>()).WithMessage($"*{space.Id}*enquiry*");
    }
}

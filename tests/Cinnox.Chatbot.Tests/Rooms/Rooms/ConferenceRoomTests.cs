using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class ConferenceRoomTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void ConferenceRoom_HostParticipantsAndChatHistory()
    {
        var room = new ConferenceRoom("conf-1", Alice, [Bob, Lead], _clock);
        room.PostText(Bob.Id, "Can you hear me?");
        room.AddParticipant(Carol);

        room.Host.Should().Be(Alice);
        room.Participants.Should().Equal(Bob, Lead, Carol);
        room.ChatHistory.Should().ContainSingle().Which.Text.Should().Be("Can you hear me?");
        room.GetUnreadCount(Carol.Id).Should().Be(0, "history before joining counts as read");
        FluentActions.Invoking(() => room.AddParticipant(RoomMember.Bot("b", "Bot"))).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.MemberKindNotAllowed);
    }
}

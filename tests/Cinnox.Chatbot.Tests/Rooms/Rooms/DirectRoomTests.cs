using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class DirectRoomTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void DirectRoom_ShowsTheOtherSidesContactInformation()
    {
        var contact = new ContactInformation { FirstName = "Peter", LastName = "Prospect", Phone = "+85261234567", Email = "peter@example.com", TimeZone = "Asia/Hong_Kong" };
        var room = new DirectRoom("direct-1", Alice, Lead with { Contact = contact }, _clock);

        room.Kind.Should().Be(RoomKind.Direct);
        room.IsWithExternalContact.Should().BeTrue();
        room.GetContactInformation(Alice.Id).Should().Be(contact);
        room.GetContactInformation(Lead.Id).Should().Be(new ContactInformation());
        room.GetOtherMember(Lead.Id).Should().Be(Alice);
        FluentActions.Invoking(() => room.GetOtherMember(Bob.Id)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.NotAMember);
    }

    [Fact]
    public void DirectRoom_WithVisitorOrWithoutStaff_Refused()
    {
        FluentActions.Invoking(() => new DirectRoom("d", Alice, RoomMember.Visitor("v", "V"), _clock)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MemberKindNotAllowed);
        FluentActions.Invoking(() => new DirectRoom("d", Lead, Alice, _clock)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MemberKindNotAllowed);
        FluentActions.Invoking(() => new DirectRoom("d", Alice, Alice, _clock)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.AlreadyAMember);
    }
}

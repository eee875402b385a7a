using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class RoomKindTests
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

    [Fact]
    public void SpaceRoom_PublicJoinPrivateNeedsAMember()
    {
        var open = new SpaceRoom("s1", "Open", Alice, SpaceVisibility.Public, timeProvider: _clock);
        var closed = new SpaceRoom("s2", "Closed", Alice, SpaceVisibility.Private, "Secret plans", _clock);

        open.Join(Bob);
        FluentActions.Invoking(() => closed.Join(Bob)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.SpaceIsPrivate);
        FluentActions.Invoking(() => closed.AddMember(Carol.Id, Bob)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.NotAMember);
        closed.AddMember(Alice.Id, Bob);
        FluentActions.Invoking(() => closed.AddMember(Alice.Id, Bob)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.AlreadyAMember);
        FluentActions.Invoking(() => open.Join(Lead)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.MemberKindNotAllowed);

        open.Members.Should().Equal(Alice, Bob);
        closed.IsPrivate.Should().BeTrue();
        closed.Description.Should().Be("Secret plans");
    }

    [Fact]
    public void SpaceRoom_LeaveAndUpdateDetails()
    {
        var space = Space(_clock, Bob);
        var events = Record(space);
        space.PostText(Bob.Id, "Bye");

        space.UpdateDetails(Alice.Id, "Support (APAC)", "APAC support staff");
        space.Leave(Bob.Id);

        space.Name.Should().Be("Support (APAC)");
        space.Description.Should().Be("APAC support staff");
        space.Members.Should().Equal(Alice);
        space.Messages.Should().ContainSingle().Which.Sender.Should().Be(Bob, "a member's messages stay after they leave");
        events.Select(change => change.GetType()).Should().Equal(typeof(MessagePostedEventArgs), typeof(SpaceDetailsChangedEventArgs), typeof(MemberLeftEventArgs));
        FluentActions.Invoking(() => space.UpdateDetails(Alice.Id, "", null)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.InvalidInformation);
    }

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

    [Fact]
    public void RoomMember_Validated()
    {
        FluentActions.Invoking(() => RoomMember.Staff("", "x")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => RoomMember.Staff("x", " ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new RoomMember("x", "y", (RoomMemberKind)42)).Should().Throw<ArgumentOutOfRangeException>();
        RoomMember.Staff("x", "  Padded  ").DisplayName.Should().Be("Padded");
    }
}

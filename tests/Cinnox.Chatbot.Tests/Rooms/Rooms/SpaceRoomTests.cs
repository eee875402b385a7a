using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class SpaceRoomTests
{
    private readonly FakeTimeProvider _clock = new();

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
}

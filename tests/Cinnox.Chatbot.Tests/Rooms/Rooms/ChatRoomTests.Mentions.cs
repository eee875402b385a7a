using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    [Fact]
    public void PostText_AtAll_MentionsEveryone()
    {
        var room = Space(_clock, Bob, Carol);

        var delivery = room.PostText(Alice.Id, "@all standup in 5");

        delivery.Message.Mentions.All.Should().BeTrue();
        delivery.Message.Mentions.Spans.Should().Equal(new MentionSpan(0, 4, null));
        delivery.Message.Mentions.Includes(Carol.Id).Should().BeTrue();
        delivery.NotifiedMemberIds.Should().Equal(Bob.Id, Carol.Id);
    }

    [Fact]
    public void PostText_LongestMatchingNameWins()
    {
        var room = Space(_clock, Ann, AnnLee);

        var mentions = room.PostText(Alice.Id, "Thanks @ann lee and @Ann!").Message.Mentions;

        mentions.MemberIds.Should().Equal(AnnLee.Id, Ann.Id);
        mentions.Spans.Should().Equal(new MentionSpan(7, 8, AnnLee.Id), new MentionSpan(20, 4, Ann.Id));
    }

    [Fact]
    public void PostText_NameMustEndAtWordBoundary()
    {
        var room = Space(_clock, Ann);

        var delivery = room.PostText(Alice.Id, "Hi @Annabel");

        delivery.Message.Mentions.IsEmpty.Should().BeTrue();
        delivery.UnmatchedMentions.Should().Equal("Annabel");
    }

    [Fact]
    public void PostText_NonMemberName_PlainTextAndReported()
    {
        var room = Space(_clock, Bob);

        var delivery = room.PostText(Alice.Id, "@Carol and @Dave.Smith, see @Bob. Also @carol again.");

        delivery.Message.Mentions.MemberIds.Should().Equal(Bob.Id);
        delivery.UnmatchedMentions.Should().Equal("Carol", "Dave.Smith");
        delivery.Message.Text.Should().Be("@Carol and @Dave.Smith, see @Bob. Also @carol again.");
    }

    [Fact]
    public void PostText_EmailAddress_IsNotAMention()
    {
        var room = Space(_clock, Bob);

        var delivery = room.PostText(Alice.Id, "Write to bob@example.com or a lone @ sign");

        delivery.Message.Mentions.IsEmpty.Should().BeTrue();
        delivery.UnmatchedMentions.Should().BeEmpty();
    }

    [Fact]
    public void PostText_MentionById_MembersAddedAndNonMembersReported()
    {
        var room = Space(_clock, Bob, Carol);
        var options = new MessageOptions { MentionedMemberIds = { Carol.Id, "ghost", Carol.Id } };

        var delivery = room.PostText(Alice.Id, "Please review", options);

        delivery.Message.Mentions.MemberIds.Should().Equal(Carol.Id);
        delivery.UnmatchedMentions.Should().Equal("ghost");
    }

    [Fact]
    public void PostText_MemberNamedAll_AtAllWinsTheTie()
    {
        var room = Space(_clock, RoomMember.Staff("all-the-things", "All"));

        room.PostText(Alice.Id, "@All hands").Message.Mentions.All.Should().BeTrue();
    }

    [Fact]
    public void PostText_MemberWhoseNameStartsWithAll_LongerNameWins()
    {
        var allison = RoomMember.Staff("allison", "Allison");
        var room = Space(_clock, allison, Bob);

        var mentions = room.PostText(Alice.Id, "@Allison hi").Message.Mentions;

        mentions.All.Should().BeFalse();
        mentions.MemberIds.Should().Equal(allison.Id);
    }

    [Fact]
    public void PostText_SelfMention_NotNotified()
    {
        var room = Space(_clock, Bob);

        var delivery = room.PostText(Alice.Id, "Note to @Alice Wong: buy milk");

        delivery.Message.Mentions.MemberIds.Should().Equal(Alice.Id);
        delivery.NotifiedMemberIds.Should().Equal(Bob.Id);
    }

    [Theory]
    [InlineData("Thanks @Ann-Marie!")]
    [InlineData("Mail @Ann.com today")]
    public void Mention_NameJoinedToAnotherWordByHyphenOrDot_IsNotThatMember(string text)
    {
        var room = Space(_clock, Ann);

        var delivery = room.PostText(Alice.Id, text);

        delivery.Message.Mentions.Includes(Ann.Id).Should().BeFalse();
        delivery.UnmatchedMentions.Should().ContainSingle();
    }

    [Fact]
    public void Mention_ChineseNameWithoutASpaceAfterIt_IsThatMember()
    {
        var chan = RoomMember.Staff("chan", "陳大文");
        var room = Space(_clock, chan);

        var delivery = room.PostText(Alice.Id, "@陳大文你好");

        delivery.Message.Mentions.MemberIds.Should().Equal(chan.Id);
        delivery.NotifiedMemberIds.Should().Contain(chan.Id);
    }

    [Fact]
    public void Edit_WithoutIds_KeepsTheMembersMentionedById()
    {
        var room = Space(_clock, Bob, Carol);
        var posted = room.PostText(Alice.Id, "see the plan", new MessageOptions { MentionedMemberIds = { Bob.Id } });

        var edited = room.Edit(Alice.Id, posted.Message.Id, "see the new plan");

        edited.Message.Mentions.MemberIds.Should().Equal(Bob.Id);
        room.Edit(Alice.Id, posted.Message.Id, "only Carol now", [Carol.Id]).Message.Mentions.MemberIds.Should().Equal(Carol.Id);
    }
}

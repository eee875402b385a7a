using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    public static TheoryData<TimeSpan, bool> WindowBoundaries => new()
    {
        { TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1), true },
        { TimeSpan.FromMinutes(5), true },
        { TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1), false },
    };

    [Theory]
    [MemberData(nameof(WindowBoundaries))]
    public void Edit_AtWindowBoundary_AllowedUpToFiveMinutesInclusive(TimeSpan elapsed, bool allowed)
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Hello").Message;
        _clock.Advance(elapsed);

        var edit = () => room.Edit(Alice.Id, message.Id, "Hello, team");

        room.CanEdit(Alice.Id, message.Id).Should().Be(allowed);
        if (allowed)
        {
            var edited = edit().Message;
            edited.Text.Should().Be("Hello, team");
            edited.EditedAt.Should().Be(_clock.GetUtcNow());
            edited.SentAt.Should().Be(message.SentAt);
            room.GetMessage(message.Id).IsEdited.Should().BeTrue();
        }
        else
        {
            edit.Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EditWindowExpired);
            room.GetMessage(message.Id).Text.Should().Be("Hello");
        }
    }

    [Theory]
    [MemberData(nameof(WindowBoundaries))]
    public void Recall_AtWindowBoundary_AllowedUpToFiveMinutesInclusive(TimeSpan elapsed, bool allowed)
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Oops").Message;
        _clock.Advance(elapsed);

        var recall = () => room.Recall(Alice.Id, message.Id);

        room.CanRecall(Alice.Id, message.Id).Should().Be(allowed);
        if (allowed)
        {
            recall().IsRecalled.Should().BeTrue();
        }
        else
        {
            recall.Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.RecallWindowExpired);
            room.GetMessage(message.Id).IsRecalled.Should().BeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(WindowBoundaries))]
    public void Recall_FileAtWindowBoundary_AllowedUpToFiveMinutesInclusive(TimeSpan elapsed, bool allowed)
    {
        var room = Space(_clock, Bob);
        var file = room.PostFile(Alice.Id, new FileMessageContent(FileKind.Document, "plan.pdf", 1024, "application/pdf", new Uri("https://files.example.com/plan.pdf"))).Message;
        _clock.Advance(elapsed);

        room.CanRecall(Alice.Id, file.Id).Should().Be(allowed);
    }

    [Fact]
    public void Edit_OthersMessage_RefusedAsNotTheSender()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Mine").Message;

        var refusal = FluentActions.Invoking(() => room.Edit(Bob.Id, message.Id, "Yours now")).Should().Throw<ChatRoomRuleException>().Which;

        refusal.Rule.Should().Be(ChatRoomRule.NotTheSender);
        refusal.MessageId.Should().Be(message.Id);
        refusal.MemberId.Should().Be(Bob.Id);
        refusal.RoomId.Should().Be(room.Id);
        refusal.Message.Should().Contain("Alice Wong");
    }

    [Fact]
    public void Recall_OthersMessage_RefusedAsNotTheSender()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Mine").Message;

        FluentActions.Invoking(() => room.Recall(Bob.Id, message.Id)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.NotTheSender);
        room.CanRecall(Bob.Id, message.Id).Should().BeFalse();
    }

    [Fact]
    public void Edit_RecalledMessage_Refused()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Gone soon").Message;
        room.Recall(Alice.Id, message.Id);

        FluentActions.Invoking(() => room.Edit(Alice.Id, message.Id, "Back?")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MessageRecalled);
    }

    [Fact]
    public void Recall_Twice_RefusedAsAlreadyRecalled()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Gone soon").Message;
        room.Recall(Alice.Id, message.Id);

        FluentActions.Invoking(() => room.Recall(Alice.Id, message.Id)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MessageRecalled);
    }

    [Fact]
    public void Recall_Message_LeavesTombstoneWithoutContent()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Secret @Bob", new MessageOptions { Previews = { new LinkPreview(new Uri("https://example.com")) } }).Message;
        _clock.Advance(TimeSpan.FromSeconds(30));

        var tombstone = room.Recall(Alice.Id, message.Id);

        tombstone.Id.Should().Be(message.Id);
        tombstone.Sequence.Should().Be(message.Sequence);
        tombstone.Sender.Should().Be(Alice);
        tombstone.SentAt.Should().Be(message.SentAt);
        tombstone.RecalledAt.Should().Be(_clock.GetUtcNow());
        tombstone.Content.Should().BeSameAs(RecalledMessageContent.Instance);
        tombstone.Text.Should().BeNull();
        tombstone.Mentions.IsEmpty.Should().BeTrue();
        tombstone.Previews.Should().BeEmpty();
        room.Messages.Should().ContainSingle().Which.IsRecalled.Should().BeTrue();
    }

    [Fact]
    public void Edit_FileSmsOrSystemMessage_Refused()
    {
        var room = Space(_clock, Bob);
        var file = room.PostFile(Alice.Id, new FileMessageContent(FileKind.Image, "cat.png", 10, "image/png", new Uri("https://files.example.com/cat.png"))).Message;
        var sms = room.PostSms(Alice.Id, "+85291234567", "See you").Message;
        var system = room.PostSystemMessage("Maintenance tonight").Message;

        foreach (var message in new[] { file, sms })
        {
            FluentActions.Invoking(() => room.Edit(Alice.Id, message.Id, "changed")).Should().Throw<ChatRoomRuleException>()
                .Which.Rule.Should().Be(ChatRoomRule.OnlyTextCanBeEdited);
        }

        FluentActions.Invoking(() => room.Edit(Alice.Id, system.Id, "changed")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.NotTheSender);
    }

    [Fact]
    public void Recall_SmsOrSystemMessage_Refused()
    {
        var room = Space(_clock, Bob);
        var sms = room.PostSms(Alice.Id, "+85291234567", "See you").Message;

        var refusal = FluentActions.Invoking(() => room.Recall(Alice.Id, sms.Id)).Should().Throw<ChatRoomRuleException>().Which;

        refusal.Rule.Should().Be(ChatRoomRule.CannotBeRecalled);
        refusal.Message.Should().Contain("already been delivered");
    }

    [Fact]
    public void Edit_ForwardedCopy_Refused()
    {
        var room = Space(_clock, Bob);
        var original = room.PostText(Bob.Id, "Original words").Message;
        var copy = room.Forward(Alice.Id, original.Id, room).Message;

        FluentActions.Invoking(() => room.Edit(Alice.Id, copy.Id, "My words")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.ForwardedMessageCannotBeEdited);
        room.CanRecall(Alice.Id, copy.Id).Should().BeTrue("the forwarder may recall the copy they posted");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Edit_ToEmptyText_Refused(string text)
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Hello").Message;

        FluentActions.Invoking(() => room.Edit(Alice.Id, message.Id, text)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.EmptyText);
    }

    [Fact]
    public void Edit_UnknownMessageOrNonMember_Refused()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Hello").Message;

        FluentActions.Invoking(() => room.Edit(Alice.Id, "space-1:99", "x")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MessageNotFound);
        FluentActions.Invoking(() => room.Edit(Carol.Id, message.Id, "x")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.NotAMember);
    }

    [Fact]
    public void Edit_RereadsMentions_NotifiesOnlyNewlyMentioned()
    {
        var room = Space(_clock, Bob, Carol, Ann);
        var message = room.PostText(Alice.Id, "@Bob can you look?").Message;

        var delivery = room.Edit(Alice.Id, message.Id, "@Bob and @Carol can you look? cc @Nobody");

        delivery.Message.Mentions.MemberIds.Should().Equal(Bob.Id, Carol.Id);
        delivery.NotifiedMemberIds.Should().Equal(Carol.Id);
        delivery.UnmatchedMentions.Should().Equal("Nobody");
    }

    [Fact]
    public void Edit_RemovingMentions_NotifiesNobody()
    {
        var room = Space(_clock, Bob, Carol);
        var message = room.PostText(Alice.Id, "@all meeting at 3").Message;

        var delivery = room.Edit(Alice.Id, message.Id, "Meeting at 3");

        delivery.NotifiedMemberIds.Should().BeEmpty();
        delivery.Message.Mentions.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Edit_AddingAll_NotifiesEveryoneNotMentionedBeforeExceptMuted()
    {
        var room = Space(_clock, Bob, Carol, Ann);
        room.Mute(Ann.Id);
        var message = room.PostText(Alice.Id, "@Bob meeting at 3").Message;

        var delivery = room.Edit(Alice.Id, message.Id, "@all meeting at 3");

        delivery.NotifiedMemberIds.Should().Equal(Carol.Id);
    }

    [Fact]
    public void Edit_MentionsOnlyMember_NewlyMentionedIsNotified()
    {
        var room = Space(_clock, Bob, Carol);
        room.SetNotificationSetting(Carol.Id, RoomNotificationSetting.MentionsOnly);
        var message = room.PostText(Alice.Id, "Lunch?").Message;

        room.Edit(Alice.Id, message.Id, "Lunch, @Carol?").NotifiedMemberIds.Should().Equal(Carol.Id);
    }

    [Fact]
    public void Edit_RaisesEventWithPreviousText()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Helo").Message;
        var events = Record(room);

        room.Edit(Alice.Id, message.Id, "Hello");

        var edited = events.Should().ContainSingle().Which.Should().BeOfType<MessageEditedEventArgs>().Which;
        edited.PreviousText.Should().Be("Helo");
        edited.Message.Text.Should().Be("Hello");
    }

    [Fact]
    public void Edit_InClosedEnquiry_Refused()
    {
        var room = Enquiry(_clock);
        var message = room.PostText(room.Visitor.Id, "Hi").Message;
        room.Close(RoomMember.PlatformBotId);

        FluentActions.Invoking(() => room.Edit(room.Visitor.Id, message.Id, "Hi!")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.EnquiryClosed);
        room.CanEdit(room.Visitor.Id, message.Id).Should().BeFalse();
    }
}

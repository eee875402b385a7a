using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    [Fact]
    public void Decision_OwnMessage_NotNotified()
    {
        var room = Space(_clock, Bob);
        var message = room.PostText(Alice.Id, "Hi").Message;

        room.GetNotificationDecision(Alice.Id, message).Should().Be(new NotificationDecision(false, NotificationReason.OwnMessage));
        room.GetNotificationDecision(Bob.Id, message).Should().Be(new NotificationDecision(true, NotificationReason.NewMessage));
    }

    [Fact]
    public void Decision_MutedRoom_NotNotifiedEvenWhenMentioned()
    {
        var room = Space(_clock, Bob);
        room.Mute(Bob.Id);

        var delivery = room.PostText(Alice.Id, "@Bob urgent");

        delivery.NotifiedMemberIds.Should().BeEmpty();
        room.GetNotificationDecision(Bob.Id, delivery.Message).Reason.Should().Be(NotificationReason.Muted);
    }

    [Fact]
    public void Decision_MentionsOnlySpace_NotifiedOnlyWhenMentionedOrAll()
    {
        var room = Space(_clock, Bob, Carol);
        room.SetNotificationSetting(Bob.Id, RoomNotificationSetting.MentionsOnly);

        var plain = room.PostText(Alice.Id, "Lunch?");
        var mention = room.PostText(Alice.Id, "@Bob lunch?");
        var all = room.PostText(Alice.Id, "@all lunch?");

        plain.NotifiedMemberIds.Should().Equal(Carol.Id);
        room.GetNotificationDecision(Bob.Id, plain.Message).Reason.Should().Be(NotificationReason.NotMentioned);
        mention.NotifiedMemberIds.Should().Equal(Bob.Id, Carol.Id);
        room.GetNotificationDecision(Bob.Id, mention.Message).Reason.Should().Be(NotificationReason.Mentioned);
        all.NotifiedMemberIds.Should().Equal(Bob.Id, Carol.Id);
    }

    [Fact]
    public void SetNotificationSetting_MentionsOnlyOutsideSpace_Refused()
    {
        var direct = new DirectRoom("direct-1", Alice, Bob, _clock);
        var enquiry = Enquiry(_clock);
        var conference = new ConferenceRoom("conf-1", Alice, [Bob], _clock);

        foreach (var (room, member) in new (ChatRoom, string)[] { (direct, Bob.Id), (enquiry, enquiry.Visitor.Id), (conference, Bob.Id) })
        {
            FluentActions.Invoking(() => room.SetNotificationSetting(member, RoomNotificationSetting.MentionsOnly)).Should().Throw<ChatRoomRuleException>()
                .Which.Rule.Should().Be(ChatRoomRule.NotificationSettingNotSupported);
            room.Mute(member);
            room.GetNotificationSetting(member).Should().Be(RoomNotificationSetting.Muted);
            room.Unmute(member);
            room.GetNotificationSetting(member).Should().Be(RoomNotificationSetting.All);
        }
    }

    [Fact]
    public void SetNotificationSetting_RaisesEventOnlyWhenChanged()
    {
        var room = Space(_clock, Bob);
        var events = Record(room);

        room.Mute(Bob.Id);
        room.Mute(Bob.Id);

        events.Should().ContainSingle().Which.Should().BeOfType<NotificationSettingChangedEventArgs>().Which.Setting.Should().Be(RoomNotificationSetting.Muted);
    }

    [Fact]
    public void Decision_RecalledMessageNonMemberAndBot_NotNotified()
    {
        var room = Enquiry(_clock);
        var conversation = new ChatbotConversation(room, new ScriptedChatbotClient());
        var message = room.PostText(room.Visitor.Id, "Hi").Message;
        room.Recall(room.Visitor.Id, message.Id);

        room.GetNotificationDecision(Bob.Id, message).Reason.Should().Be(NotificationReason.NotAMember);
        room.GetNotificationDecision(conversation.Chatbot.Id, message).Reason.Should().Be(NotificationReason.Bot);
        room.Accept(Bob);
        room.GetNotificationDecision(Bob.Id, room.GetMessage(message.Id)).Reason.Should().Be(NotificationReason.Recalled);
    }
}

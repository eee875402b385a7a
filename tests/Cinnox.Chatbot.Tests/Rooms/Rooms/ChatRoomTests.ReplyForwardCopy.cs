using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    [Fact]
    public void Reply_StoresReferenceNotCopy_QuoteFollowsOriginal()
    {
        var room = Space(_clock, Bob);
        var original = room.PostText(Alice.Id, "Draft v1").Message;
        var reply = room.Reply(Bob.Id, original.Id, "Looks good").Message;

        room.Edit(Alice.Id, original.Id, "Draft v2");

        reply.ReplyToMessageId.Should().Be(original.Id);
        room.GetQuotedMessage(reply)!.Text.Should().Be("Draft v2");
    }

    [Fact]
    public void Reply_OriginalRecalledLater_QuoteShowsTombstone()
    {
        var room = Space(_clock, Bob);
        var original = room.PostText(Alice.Id, "Secret").Message;
        var reply = room.Reply(Bob.Id, original.Id, "Noted").Message;

        room.Recall(Alice.Id, original.Id);

        var quote = room.GetQuotedMessage(room.GetMessage(reply.Id))!;
        quote.IsRecalled.Should().BeTrue();
        quote.Text.Should().BeNull();
        room.GetMessage(reply.Id).Text.Should().Be("Noted");
    }

    [Fact]
    public void Reply_ToRecalledMessage_Refused()
    {
        var room = Space(_clock, Bob);
        var original = room.PostText(Alice.Id, "Secret").Message;
        room.Recall(Alice.Id, original.Id);

        FluentActions.Invoking(() => room.Reply(Bob.Id, original.Id, "What was it?")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MessageRecalled);
        room.MessageCount.Should().Be(1);
    }

    [Fact]
    public void Reply_ToMessageOfAnotherRoom_RefusedAsNotFound()
    {
        var room = Space(_clock, Bob);
        var other = new DirectRoom("direct-1", Alice, Bob, _clock);
        var elsewhere = other.PostText(Alice.Id, "Elsewhere").Message;

        var refusal = FluentActions.Invoking(() => room.Reply(Bob.Id, elsewhere.Id, "Hm")).Should().Throw<ChatRoomRuleException>().Which;

        refusal.Rule.Should().Be(ChatRoomRule.MessageNotFound);
        refusal.Message.Should().Contain("same room");
    }

    [Fact]
    public void Forward_CopiesContentWithOrigin_RecallOfOriginalDoesNotReachCopy()
    {
        var space = Space(_clock, Bob);
        var direct = new DirectRoom("direct-1", Bob, Carol, _clock);
        var original = space.PostText(Alice.Id, "The release is on Friday").Message;

        var copy = space.Forward(Bob.Id, original.Id, direct).Message;
        space.Recall(Alice.Id, original.Id);

        copy.RoomId.Should().Be(direct.Id);
        copy.Sender.Should().Be(Bob);
        copy.ForwardedFrom.Should().Be(new ForwardOrigin(space.Id, original.Id, Alice, original.SentAt));
        direct.GetMessage(copy.Id).Text.Should().Be("The release is on Friday");
        direct.GetMessage(copy.Id).IsRecalled.Should().BeFalse();
    }

    [Fact]
    public void Forward_AForwardedMessage_KeepsTheFirstOrigin()
    {
        var space = Space(_clock, Bob);
        var direct = new DirectRoom("direct-1", Bob, Alice, _clock);
        var original = space.PostText(Alice.Id, "Origin").Message;
        var first = space.Forward(Bob.Id, original.Id, direct).Message;

        var second = direct.Forward(Alice.Id, first.Id, space).Message;

        second.ForwardedFrom!.MessageId.Should().Be(original.Id);
        second.ForwardedFrom.OriginalSender.Should().Be(Alice);
    }

    [Fact]
    public void Forward_IntoRoomForwarderIsNotIn_Refused()
    {
        var space = Space(_clock, Bob);
        var direct = new DirectRoom("direct-1", Alice, Carol, _clock);
        var original = space.PostText(Alice.Id, "Hi").Message;

        var refusal = FluentActions.Invoking(() => space.Forward(Bob.Id, original.Id, direct)).Should().Throw<ChatRoomRuleException>().Which;

        refusal.Rule.Should().Be(ChatRoomRule.NotAMember);
        refusal.RoomId.Should().Be(direct.Id);
        direct.MessageCount.Should().Be(0);
    }

    [Fact]
    public void Forward_RecalledMessage_Refused()
    {
        var space = Space(_clock, Bob);
        var original = space.PostText(Alice.Id, "Hi").Message;
        space.Recall(Alice.Id, original.Id);

        FluentActions.Invoking(() => space.Forward(Bob.Id, original.Id, space)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MessageRecalled);
    }

    [Fact]
    public void Forward_CopyMentionsNobody()
    {
        var space = Space(_clock, Bob, Carol);
        var original = space.PostText(Alice.Id, "@Carol please check").Message;

        var delivery = space.Forward(Bob.Id, original.Id, space);

        delivery.Message.Mentions.IsEmpty.Should().BeTrue();
        delivery.NotifiedMemberIds.Should().BeEquivalentTo([Alice.Id, Carol.Id], "everyone but the forwarder hears of a new message, but nobody is mentioned");
    }

    [Fact]
    public void Forward_SmsAndFile_CopiedAsTextAndAsTheSameFile()
    {
        var space = Space(_clock, Bob);
        var sms = space.PostSms(Alice.Id, "+44 20 7946 0958", "Your code is 1234").Message;
        var file = space.PostFile(Alice.Id, new FileMessageContent(FileKind.VoiceMessage, "note.m4a", 2048, "audio/mp4", new Uri("https://files.example.com/note.m4a"))).Message;

        space.Forward(Bob.Id, sms.Id, space).Message.Content.Should().BeOfType<TextMessageContent>().Which.Text.Should().Be("Your code is 1234");
        space.Forward(Bob.Id, file.Id, space).Message.Content.Should().BeSameAs(file.Content);
    }

    [Fact]
    public void Copy_TextFileSms_PlainText()
    {
        var space = Space(_clock, Bob);
        var text = space.PostText(Alice.Id, "Hello @Bob").Message;
        var file = space.PostFile(Alice.Id, new FileMessageContent(FileKind.Document, "report.pdf", 3_500_000, "application/pdf", new Uri("https://files.example.com/report.pdf"))).Message;
        var sms = space.PostSms(Alice.Id, "+85291234567", "Running late").Message;

        space.Copy(Bob.Id, text.Id).Should().Be("Hello @Bob");
        space.Copy(Bob.Id, file.Id).Should().Be("report.pdf\nhttps://files.example.com/report.pdf");
        space.Copy(Bob.Id, sms.Id).Should().Be("Running late");
    }

    [Fact]
    public void Copy_RecalledMessage_Refused()
    {
        var space = Space(_clock, Bob);
        var text = space.PostText(Alice.Id, "Hello").Message;
        space.Recall(Alice.Id, text.Id);

        FluentActions.Invoking(() => space.Copy(Bob.Id, text.Id)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.MessageRecalled);
    }

    [Fact]
    public void Copy_ByNonMember_Refused()
    {
        var space = Space(_clock, Bob);
        var text = space.PostText(Alice.Id, "Hello").Message;

        FluentActions.Invoking(() => space.Copy(Carol.Id, text.Id)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.NotAMember);
    }

    [Fact]
    public void Copy_AdvancedChatbotReply_TextsMediaAndButtons()
    {
        var advanced = ChatbotMessages.Advanced(message => message
            .AddBubble(bubble => bubble
                .AddText(title: "Good Result Learning Center", text: "Your Exam Expert", footer: "Join us now!")
                .AddImage("https://www.grlc.com/teaching.png"))
            .AddQuickReply(reply => reply
                .AddUrlButton("Website", "https://www.grlc.com")
                .AddPostbackButton("Email", "info@grlc.com")));
        var content = new ChatbotReplyContent(string.Empty, advanced, ChatbotReplyState.Completed);

        content.ToPlainText().Should().Be(
            "Good Result Learning Center\nYour Exam Expert\nJoin us now!\nhttps://www.grlc.com/teaching.png\n[Website] https://www.grlc.com\n[Email]");
    }

    [Fact]
    public void AttachPreview_AddsPreviewAndRaisesEvent()
    {
        var space = Space(_clock, Bob);
        var text = space.PostText(Alice.Id, "See https://example.com").Message;
        var events = Record(space);
        var preview = new LinkPreview(new Uri("https://example.com")) { Title = "Example", SiteName = "example.com" };

        var updated = space.AttachPreview(text.Id, preview);

        updated.Previews.Should().Equal(preview);
        events.Should().ContainSingle().Which.Should().BeOfType<MessagePreviewAttachedEventArgs>().Which.Preview.Should().Be(preview);
    }

    [Fact]
    public void PostText_WithImagePreview_KeepsIt()
    {
        var space = Space(_clock, Bob);
        var preview = new ImagePreview(new Uri("https://files.example.com/cat.png")) { Width = 640, Height = 480 };

        var message = space.PostText(Alice.Id, "Our cat", new MessageOptions { Previews = { preview } }).Message;

        message.Previews.Should().ContainSingle().Which.Should().Be(preview);
    }
}

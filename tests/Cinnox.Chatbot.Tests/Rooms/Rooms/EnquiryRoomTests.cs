using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class EnquiryRoomTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Open_WeblinkWithFormAndUtm_OpeningMessageListsChannelFormAndUtm()
    {
        var room = Enquiry(_clock, EnquiryChannel.Weblink, "https://shop.example.com/chat?utm_source=newsletter&utm_campaign=spring&utm_memberid=M-42");

        var opening = room.OpeningMessage.Content.Should().BeOfType<SystemMessageContent>().Which;

        room.OpeningMessage.Sender.Should().Be(RoomMember.PlatformBot);
        room.Messages.Should().ContainSingle().Which.Id.Should().Be(room.OpeningMessage.Id);
        opening.SystemKind.Should().Be(SystemMessageKind.EnquiryOpened);
        opening.Text.Should().Be("Ada Lovelace started an enquiry via Weblink.");
        opening.Fields.Select(field => field.ToString()).Should().Equal(
            "Channel: Weblink",
            "Channel Detail: Spring sale page",
            "First Name: Ada",
            "Last Name: Lovelace",
            "Phone Number: +85291234567",
            "Email Address: ada@example.com",
            "UTM Campaign: spring",
            "UTM Source: newsletter",
            "UTM memberid: M-42");
    }

    [Fact]
    public void Open_FormOffAndNoUtm_OpeningMessageHasOnlyTheChannel()
    {
        var options = EnquiryOptions(EnquiryChannel.Tag, "https://shop.example.com/chat");
        options.IsVisitorFormEnabled = false;

        var room = new EnquiryRoom(options, _clock);

        var opening = (SystemMessageContent)room.OpeningMessage.Content;
        opening.Fields.Select(field => field.Label).Should().Equal("Channel", "Channel Detail");
        opening.GetField("channel").Should().Be("Tag");
    }

    [Fact]
    public void Open_SocialEnquiry_UtmIgnored()
    {
        var room = Enquiry(_clock, EnquiryChannel.Social, "https://facebook.example.com/page?utm_source=fb");

        room.Utm.IsEmpty.Should().BeTrue();
        ((SystemMessageContent)room.OpeningMessage.Content).GetField("UTM Source").Should().BeNull();
        room.IsExternalChannel.Should().BeTrue();
    }

    [Theory]
    [InlineData(EnquiryChannel.Tag, true)]
    [InlineData(EnquiryChannel.Weblink, true)]
    [InlineData(EnquiryChannel.VirtualNumber, false)]
    [InlineData(EnquiryChannel.Social, false)]
    [InlineData(EnquiryChannel.ThirdParty, false)]
    public void Open_UtmReadOnlyForTagAndWeblink(EnquiryChannel channel, bool read) =>
        Enquiry(_clock, channel, "https://example.com/?utm_source=x").Utm.IsEmpty.Should().Be(!read);

    [Fact]
    public void Open_InformationPanelIsFilled()
    {
        var options = EnquiryOptions();
        options.Device = new DeviceInformation { Platform = "Web", UserAgent = "Mozilla/5.0", ScreenSize = "1920 × 1080", GeoLocation = new GeoLocation(22.3193, 114.1694) };

        var room = new EnquiryRoom(options, _clock);

        room.Id.Should().Be("ENQ-1001");
        room.Kind.Should().Be(RoomKind.Enquiry);
        room.Enquiry.Should().Be(new EnquiryInformation
        {
            EnquiryId = "ENQ-1001",
            Channel = EnquiryChannel.Weblink,
            ChannelDetail = "Spring sale page",
            Language = "en",
            Location = "Hong Kong",
            Time = _clock.GetUtcNow(),
        });
        room.Device!.GeoLocation!.Value.ToString().Should().Be("22.3193, 114.1694");
        room.Destination.Should().Be(new DestinationInformation("Test Bot", DestinationType.Chatbot, "http://127.0.0.1/bot"));
        room.Visitor.Should().Be(RoomMember.Visitor("visitor:ENQ-1001", "Ada Lovelace"));
        room.Members.Should().Equal(room.Visitor);
        room.Status.Should().Be(EnquiryStatus.WithChatbot);
        room.Version.Should().Be(3, "the enquiry opened (event 1), the visitor joined, then the opening message was posted");
    }

    [Fact]
    public void CreateChatbotContext_DerivedFieldsFillGapsAndGivenOnesWin()
    {
        var options = EnquiryOptions(EnquiryChannel.Tag);
        options.ChatbotContext = new ChatbotEnquiryContext { TagId = "tag-7", TagType = "website", VisitorName = "VIP Ada" };
        var room = new EnquiryRoom(options, _clock);

        var context = room.CreateChatbotContext();

        context.GetFields().Should().Equal(
            KeyValuePair.Create("tagType", "website"),
            KeyValuePair.Create("tagId", "tag-7"),
            KeyValuePair.Create("tagName", "Spring sale page"),
            KeyValuePair.Create("channelType", "Tag"),
            KeyValuePair.Create("channelName", "Spring sale page"),
            KeyValuePair.Create("visitorName", "VIP Ada"),
            KeyValuePair.Create("visitorPhone", "+85291234567"));
        room.CreateChatbotContext().Should().NotBeSameAs(context);
    }

    [Fact]
    public void DestinationInformation_FromChatbot_LeavesOutTheQueryString()
    {
        var destination = new ChatbotDestination { Name = "Sales Bot", Url = new Uri("https://bot.example.com/hook?key=secret") };

        DestinationInformation.FromChatbot(destination).Should().Be(new DestinationInformation("Sales Bot", DestinationType.Chatbot, "https://bot.example.com/hook"));
    }

    [Fact]
    public void Lifecycle_TransferAcceptClose_RaisesTypedEventsAndSystemMessages()
    {
        var room = Enquiry(_clock);
        var events = Record(room);

        room.TransferToAgent();
        room.Accept(Bob);
        room.Close(Bob.Id, "resolved");

        events.OfType<EnquiryStatusChangedEventArgs>().Select(change => (change.GetType().Name, change.PreviousStatus, change.Status)).Should().Equal(
            (nameof(EnquiryTransferredEventArgs), EnquiryStatus.WithChatbot, EnquiryStatus.WaitingForAgent),
            (nameof(EnquiryAcceptedEventArgs), EnquiryStatus.WaitingForAgent, EnquiryStatus.WithAgent),
            (nameof(EnquiryClosedEventArgs), EnquiryStatus.WithAgent, EnquiryStatus.Closed));
        room.Messages.Select(message => ((SystemMessageContent)message.Content).SystemKind).Should().Equal(
            SystemMessageKind.EnquiryOpened, SystemMessageKind.EnquiryTransferred, SystemMessageKind.AgentJoined, SystemMessageKind.EnquiryClosed);
        room.Messages[^1].Text.Should().Be("Bob closed the enquiry: resolved");
        room.Agent.Should().Be(Bob);
        room.IsClosed.Should().BeTrue();
        events.Select(change => change.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Closed_NothingMoreCanBePostedOrChanged()
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);
        room.Close(Bob.Id);

        FluentActions.Invoking(() => room.PostText(room.Visitor.Id, "Hello?")).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryClosed);
        FluentActions.Invoking(() => room.Close(Bob.Id)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryClosed);
        FluentActions.Invoking(() => room.Accept(Carol)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryClosed);
        FluentActions.Invoking(() => room.TransferToAgent()).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryClosed);
        room.PostSystemMessage("Survey sent to the visitor.").Message.IsSystem.Should().BeTrue();
    }

    [Fact]
    public void TransferToAgent_WhenNotWithChatbot_Refused()
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);

        FluentActions.Invoking(() => room.TransferToAgent()).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryStatusConflict);
    }

    [Fact]
    public void Accept_NonStaffOrSecondAgent_Refused()
    {
        var room = Enquiry(_clock);

        FluentActions.Invoking(() => room.Accept(Lead)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.MemberKindNotAllowed);
        room.Accept(Bob);
        FluentActions.Invoking(() => room.Accept(Carol)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryStatusConflict);
    }

    [Fact]
    public void Open_DestinationNotChatbot_WaitsForAgent()
    {
        var options = EnquiryOptions();
        options.Destination = new DestinationInformation("Sales", DestinationType.ServiceGroup);

        new EnquiryRoom(options, _clock).Status.Should().Be(EnquiryStatus.WaitingForAgent);
    }

    [Fact]
    public void SetVisitorField_StaffAddsAndChangesFields()
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);
        var events = Record(room);

        room.SetVisitorField(Bob.Id, "Membership", "Gold");
        room.SetVisitorField(Bob.Id, "membership", "Platinum");
        room.SetVisitorField(Bob.Id, "Order", "#1234");

        room.VisitorInformation.AdditionalFields.Should().Equal(new VisitorField("membership", "Platinum", Bob.Id), new VisitorField("Order", "#1234", Bob.Id));
        room.VisitorInformation.FirstName.Should().Be("Ada");
        events.OfType<VisitorInformationChangedEventArgs>().Should().HaveCount(3);
    }

    [Fact]
    public void SetVisitorField_ByVisitorOrEmpty_Refused()
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);

        FluentActions.Invoking(() => room.SetVisitorField(room.Visitor.Id, "x", "y")).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.MemberKindNotAllowed);
        FluentActions.Invoking(() => room.SetVisitorField(Bob.Id, " ", "y")).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.InvalidInformation);
    }

    [Fact]
    public void AddLabelsAndTopics_DeduplicatedCaseInsensitively()
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);
        var events = Record(room);

        room.AddLabels(Bob.Id, ["Refund", "refund", " VIP "]);
        room.AddTopics(Bob.Id, ["Shipping"]);
        room.AddLabels(Bob.Id, ["vip"]);

        room.Labels.Should().Equal("Refund", "VIP");
        room.Topics.Should().Equal("Shipping");
        events.OfType<EnquiryClassifiedEventArgs>().Should().HaveCount(2, "adding nothing new changes nothing");
    }
}

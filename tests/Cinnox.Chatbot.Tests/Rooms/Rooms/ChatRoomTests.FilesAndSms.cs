using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public partial class ChatRoomTests
{
    [Theory]
    [InlineData(FileKind.Image, "photo.jpg", "image/jpeg")]
    [InlineData(FileKind.Video, "clip.mp4", "video/mp4")]
    [InlineData(FileKind.Document, "report.pdf", "application/pdf")]
    [InlineData(FileKind.VoiceMessage, "voice.m4a", "audio/mp4")]
    public void PostFile_EachKind_Stored(FileKind kind, string name, string mediaType)
    {
        var room = Space(_clock, Bob);
        var file = new FileMessageContent(kind, name, 2_516_582, mediaType, new Uri($"https://files.example.com/{name}")) { Duration = TimeSpan.FromSeconds(12) };

        var message = room.PostFile(Alice.Id, file).Message;

        message.Kind.Should().Be(RoomMessageKind.File);
        message.Content.Should().BeSameAs(file);
        file.DisplaySize.Should().Be("2.4 MB");
    }

    [Theory]
    [InlineData(FileKind.Document, "", 1, "application/pdf", "https://files.example.com/x", "no name")]
    [InlineData(FileKind.Document, "x.pdf", -1, "application/pdf", "https://files.example.com/x", "negative size")]
    [InlineData(FileKind.Document, "x.pdf", 1, "pdf", "https://files.example.com/x", "type/subtype")]
    [InlineData(FileKind.Image, "x.pdf", 1, "application/pdf", "https://files.example.com/x", "image/*")]
    [InlineData(FileKind.VoiceMessage, "x.mp4", 1, "video/mp4", "https://files.example.com/x", "audio/*")]
    [InlineData(FileKind.Document, "x.pdf", 1, "application/pdf", "ftp://files.example.com/x", "http or https")]
    public void PostFile_Invalid_RefusedNamingTheProblem(FileKind kind, string name, long size, string mediaType, string link, string problem)
    {
        var room = Space(_clock, Bob);

        FluentActions.Invoking(() => room.PostFile(Alice.Id, new FileMessageContent(kind, name, size, mediaType, new Uri(link))))
            .Should().Throw<ChatRoomRuleException>().Where(refusal => refusal.Rule == ChatRoomRule.InvalidFile).WithMessage($"*{problem}*");
        room.MessageCount.Should().Be(0);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1024, "1 KB")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(1_073_741_824, "1 GB")]
    public void DisplaySize_ReadableUnits(long size, string expected) =>
        new FileMessageContent(FileKind.Document, "x", size, "application/octet-stream", new Uri("https://x.example.com/x")).DisplaySize.Should().Be(expected);

    [Theory]
    [InlineData("+85291234567", "+85291234567")]
    [InlineData("+852 9123 4567", "+85291234567")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("+44.20.7946.0958", "+442079460958")]
    [InlineData("+123456", null)]
    [InlineData("+1234567", "+1234567")]
    [InlineData("+123456789012345", "+123456789012345")]
    [InlineData("+1234567890123456", null)]
    [InlineData("85291234567", null)]
    [InlineData("+0852 9123 4567", null)]
    [InlineData("+852 9123 abcd", null)]
    [InlineData("", null)]
    public void PostSms_PhoneNumber_ValidatedAsE164(string phoneNumber, string? normalized)
    {
        var room = Enquiry(_clock);
        room.Accept(Bob);

        var post = () => room.PostSms(Bob.Id, phoneNumber, "Your order has shipped");

        if (normalized is null)
        {
            post.Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.InvalidPhoneNumber);
        }
        else
        {
            post().Message.Content.Should().BeOfType<SmsMessageContent>().Which.PhoneNumber.Should().Be(normalized);
        }
    }

    [Fact]
    public void PostSms_ByVisitor_Refused()
    {
        var room = Enquiry(_clock);

        FluentActions.Invoking(() => room.PostSms(room.Visitor.Id, "+85291234567", "Hi")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.SmsRequiresStaff);
    }

    [Fact]
    public void PostSms_EmptyText_Refused()
    {
        var room = Space(_clock, Bob);

        FluentActions.Invoking(() => room.PostSms(Alice.Id, "+85291234567", " ")).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.EmptyText);
    }

    [Fact]
    public void PostText_ByNonMemberOrEmpty_Refused()
    {
        var room = Space(_clock, Bob);

        FluentActions.Invoking(() => room.PostText(Carol.Id, "Hi")).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.NotAMember);
        FluentActions.Invoking(() => room.PostText(Alice.Id, "")).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EmptyText);
        room.MessageCount.Should().Be(0);
        room.Version.Should().Be(3, "refused changes change nothing");
    }
}

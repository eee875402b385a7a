using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Rooms.Tests;

public class RoomMemberJsonConverterTests
{
    private const string Posted =
        """{"message":{"id":"01a22ee6ee5a79449909e55b60933fff","sequence":1,"sender":SENDER,"sentAt":"2026-12-01T00:00:15+00:00","content":{"kind":"Text","text":"Hi","streamed":false}},"roomId":"space","sequence":3,"occurredAt":"2026-12-01T00:00:15+00:00"}""";

    [Fact]
    public void Deserialize_SameSenderTwice_OneMemberShared()
    {
        var first = Read("""{"id":"bob","displayName":"Bob","kind":"Staff","isStaff":true}""");
        var second = Read("""{"kind":"Staff","displayName":"Bob","id":"bob"}""");

        second.Should().BeSameAs(first);
        first.Should().Be(RoomMember.Staff("bob", "Bob"));
    }

    [Fact]
    public void Deserialize_RenamedSender_ANewMember()
    {
        var before = Read("""{"id":"bob","displayName":"Bob","kind":"Staff"}""");
        var after = Read("""{"id":"bob","displayName":"Robert","kind":"Staff"}""");

        after.Should().NotBeSameAs(before);
        after.DisplayName.Should().Be("Robert");
    }

    [Fact]
    public void Deserialize_SenderWithContactDetails_ReadWhole()
    {
        var member = Read("""{"id":"lead-1","displayName":"Peter","kind":"ExternalContact","contact":{"email":"peter@example.com"},"isStaff":false}""");

        member.Kind.Should().Be(RoomMemberKind.ExternalContact);
        member.Contact.Should().Be(new ContactInformation { Email = "peter@example.com" });
    }

    [Theory]
    [InlineData("\"visitor\"", RoomMemberKind.Visitor)]
    [InlineData("3", RoomMemberKind.Bot)]
    public void Deserialize_KindInAnyCaseOrAsNumber_Read(string kind, RoomMemberKind expected) =>
        Read($$"""{"id":"v-1","displayName":"Ada","kind":{{kind}}}""").Kind.Should().Be(expected);

    [Theory]
    [InlineData("""{"id":"bob","displayName":"Bob","kind":"Robot"}""")]
    [InlineData("""{"id":"bob","kind":"Staff"}""")]
    [InlineData("""{"id":7,"displayName":"Bob","kind":"Staff"}""")]
    [InlineData("""["bob"]""")]
    public void Deserialize_MalformedSender_IsAFormatError(string sender) =>
        FluentActions.Invoking(() => Read(sender)).Should().Throw<RoomEventFormatException>().WithMessage("*MessagePosted*");

    [Fact]
    public void Serialize_RoomEvents_ReadBackWriteTheSameJson()
    {
        var room = new SpaceRoom("space-1", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: new FakeTimeProvider());
        room.AddMember("alice", RoomMember.Staff("carol", "Carol") with { Contact = new ContactInformation { Phone = "+85291234567" } });
        room.PostText("alice", "hello @Carol");
        room.PostText("carol", "hi");
        room.PostText("alice", "again");

        foreach (var stored in room.TakePendingEvents().Select(RoomEventSerializer.Serialize))
        {
            var again = RoomEventSerializer.Serialize(RoomEventSerializer.Deserialize(stored));
            Encoding.UTF8.GetString(again.Data.Span).Should().Be(Encoding.UTF8.GetString(stored.Data.Span));
        }
    }

    private static RoomMember Read(string sender) =>
        ((MessagePosted)RoomEventSerializer.Deserialize(new SerializedRoomEvent("space", 3, DateTimeOffset.UnixEpoch, "MessagePosted", 1,
            Encoding.UTF8.GetBytes(Posted.Replace("SENDER", sender, StringComparison.Ordinal))))).Message.Sender;
}

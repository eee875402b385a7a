using System.Text;

namespace Cinnox.Chatbot.Rooms.Tests;

public class MentionSpanListJsonConverterTests
{
    private const string Posted =
        """{"actorId":"bob","message":{"id":"01a22ee6ee5a79449909e55b60933fff","sequence":1,"sender":{"id":"bob","displayName":"Bob","kind":"Staff","isStaff":true},"sentAt":"2026-12-01T00:00:15+00:00","content":{"kind":"Text","text":"Hi @Ann and @all","streamed":false},"mentions":{"all":true,"memberIds":["ann"],"givenMemberIds":[],"spans":SPANS,"isEmpty":false}},"roomId":"space","sequence":3,"occurredAt":"2026-12-01T00:00:15+00:00"}""";

    [Fact]
    public void Deserialize_SpansAsWritten_ReadBackWithTheMembersAndAll()
    {
        var posted = Read("""[{"start":3,"length":4,"memberId":"ann","isAll":false},{"start":13,"length":4,"isAll":true}]""");

        posted.Message.Mentions!.Spans.Should().Equal(new MentionSpan(3, 4, "ann"), new MentionSpan(13, 4, null));
        posted.Message.Mentions.MemberIds.Should().Equal("ann");
        posted.Message.Mentions.All.Should().BeTrue();
    }

    [Fact]
    public void Serialize_ReadBack_WritesTheSameJson()
    {
        var stored = Stored("""[{"start":3,"length":4,"memberId":"ann","isAll":false},{"start":13,"length":4,"isAll":true}]""");

        var again = RoomEventSerializer.Serialize(RoomEventSerializer.Deserialize(stored));

        Encoding.UTF8.GetString(again.Data.Span).Should().Be(Encoding.UTF8.GetString(stored.Data.Span));
    }

    [Fact]
    public void Deserialize_UnknownPropertiesInASpan_AreIgnored()
    {
        var posted = Read("""[{"start":3,"extra":{"nested":[1,2]},"length":4,"memberId":"ann"}]""");

        posted.Message.Mentions!.Spans.Should().Equal(new MentionSpan(3, 4, "ann"));
    }

    [Theory]
    [InlineData("""[{"start":"3","length":4}]""")]
    [InlineData("""[{"start":3.5,"length":4}]""")]
    [InlineData("""[{"start":3,"length":4,"memberId":7}]""")]
    [InlineData("""[3]""")]
    [InlineData("""{"start":3}""")]
    public void Deserialize_MalformedSpans_IsAFormatError(string spans)
    {
        FluentActions.Invoking(() => RoomEventSerializer.Deserialize(Stored(spans)))
            .Should().Throw<RoomEventFormatException>().WithMessage("*MessagePosted*");
    }

    private static MessagePosted Read(string spans) => (MessagePosted)RoomEventSerializer.Deserialize(Stored(spans));

    private static SerializedRoomEvent Stored(string spans) =>
        new("space", 3, DateTimeOffset.UnixEpoch, "MessagePosted", 1, Encoding.UTF8.GetBytes(Posted.Replace("SPANS", spans, StringComparison.Ordinal)));
}

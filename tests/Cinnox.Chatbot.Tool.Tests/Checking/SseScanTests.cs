using System.Text;
using Cinnox.Chatbot.Tool.Checking;

namespace Cinnox.Chatbot.Tool.Tests.Checking;

public sealed class SseScanTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_EveryNewlineStyle_SplitsEventsWithTheirWireSize(string newline)
    {
        var body = $"data: one{newline}{newline}: keep-alive{newline}{newline}event: ping{newline}data: a{newline}data: b{newline}{newline}";

        var scan = SseScan.Parse(Encoding.UTF8.GetBytes(body));

        scan.Frames.Select(frame => (frame.EventName, frame.Data)).Should().Equal(("message", "one"), ("message", null), ("ping", "a\nb"));
        scan.Frames[0].Length.Should().Be(("data: one" + newline + newline).Length);
        scan.Frames.Sum(frame => frame.Length).Should().Be(body.Length);
        scan.BadLines.Should().BeEmpty();
        scan.Unterminated.Should().BeFalse();
    }

    [Theory]
    [InlineData("data: one\n\ndata: two\n")]
    [InlineData("data: one\n\ndata: two")]
    public void Parse_BodyEndingInsideAnEvent_IsUnterminated(string body)
    {
        var scan = SseScan.Parse(Encoding.UTF8.GetBytes(body));

        scan.Frames.Should().ContainSingle().Which.Data.Should().Be("one");
        scan.Unterminated.Should().BeTrue();
    }

    [Fact]
    public void Parse_LinesThatAreNotFields_AreReported()
    {
        var scan = SseScan.Parse(Encoding.UTF8.GetBytes("{\"message\":{\"type\":1,\"text\":\"lost\"}}\n\nid: 7\nretry: 10\ndata: kept\n\n"));

        scan.BadLines.Should().Equal("{\"message\":{\"type\":1,\"text\":\"lost\"}}");
        scan.Frames.Select(frame => frame.Data).Should().Equal(null, "kept");
    }
}

using System.Text.RegularExpressions;
using ChatRoomDemo;

namespace Cinnox.Chatbot.IntegrationTests.Rooms;

/// <summary>The README's first command, run in process: the whole enquiry, against its own loopback bot.</summary>
public class ChatRoomDemoTests
{
    [Fact]
    public async Task Demo_ScriptedEnquiry_ShowsEveryStepAndExitsZero()
    {
        using var output = new StringWriter();

        var exitCode = await Demo.RunAsync(new DemoSettings(new Terminal(output, color: false, width: 100), TimeSpan.Zero), CancellationToken.None);

        exitCode.Should().Be(0);
        var text = Readable(output.ToString());
        text.Should().ContainAll(
            "Ada Lovelace started an enquiry via Weblink.",
            "UTM Campaign: spring sale",
            "UTM memberid: M-4711",
            "We ship to Singapore",
            "[ Track my order ]",
            "Where is my order #1234?",
            "notified: Bob Chan · not notified: Carol Lee (@mentions only), @Dave (not a member of this room)",
            "Unread rooms badge on Bob Chan's Workspace icon: (2)",
            "Support Bot transferred the enquiry to a live agent.",
            "edited message #",
            "recalled message #",
            "Bob Chan closed the enquiry",
            "(1 edited, 1 recalled), closed");
        text.Should().NotContain("\u001b[", "colour is used only on a terminal");
        text.Should().NotContain("did not reply");
    }

    [Fact]
    public async Task Demo_Interactive_VisitorTypesAndPressesButtons()
    {
        using var output = new StringWriter();
        using var input = new StringReader("Do you ship to Singapore?\nmenu\n/press 9\n/press 1\n/press Talk to an agent\n");

        var exitCode = await Demo.RunAsync(new DemoSettings(new Terminal(output, color: false, width: 100), TimeSpan.Zero, input), CancellationToken.None);

        exitCode.Should().Be(0);
        Readable(output.ToString()).Should().ContainAll(
            "We ship to Singapore",
            "No button '9'",
            "Order #1234 left our Hong Kong warehouse",
            "transferred the enquiry to a live agent",
            "closed the enquiry: the demo ended");
    }

    // The text as a reader takes it in: wrapped lines joined, runs of spaces (non-breaking ones too) as one.
    private static string Readable(string output) => Regex.Replace(output.Replace('\u00a0', ' '), @"\s+", " ");
}

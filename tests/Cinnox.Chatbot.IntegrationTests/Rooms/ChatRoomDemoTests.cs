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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Demo_On80Columns_FitsWithNoTrailingSpaces(bool color)
    {
        using var output = new StringWriter();

        await Demo.RunAsync(new DemoSettings(new Terminal(output, color, width: 79), TimeSpan.Zero), CancellationToken.None);

        var lines = Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", string.Empty).Split('\n');
        lines.Should().OnlyContain(line => line.TrimEnd('\r').Length <= 79, "every line fits an 80-column terminal");
        lines.Should().NotContain(line => line.TrimEnd('\r').EndsWith(' '), "no line ends in spaces");
    }

    [Fact]
    public async Task Demo_Restart_RoomsAndBadgesComeBackFromTheFile()
    {
        using var output = new StringWriter();
        var path = Path.Combine(Directory.CreateTempSubdirectory("cinnox-demo-").FullName, "rooms.db");

        await Demo.RunAsync(new DemoSettings(new Terminal(output, color: false, width: 100), TimeSpan.Zero, DatabasePath: path), CancellationToken.None);

        var text = Readable(output.ToString());
        text.Should().Contain($"saved as an event in the SQLite file {path}");
        var summaries = Regex.Matches(text, @"Enquiry ENQ-20260301-0042: \d+ messages \(1 edited, 1 recalled\), closed; \d+ changes").Select(match => match.Value).ToList();
        summaries.Should().HaveCount(2).And.OnlyContain(summary => summary == summaries[0], "the enquiry read back after the restart is the one before it");
        text.Should().Contain("is the same as before the restart");
        File.Exists(path).Should().BeTrue("a file the caller named is kept");
        await using var store = await Cinnox.Chatbot.Rooms.Sqlite.SqliteRoomStore.OpenAsync(path);
        (await store.ReadMessagesAsync("ENQ-20260301-0042", 0, 100)).Should().HaveCount(15);
    }

    [Fact]
    public void Terminal_StyledRun_StylesItsLastWordToo()
    {
        using var output = new StringWriter();
        var terminal = new Terminal(output, color: true, width: 80);

        terminal.BeginLine("  ", 2, 2);
        terminal.Write("one two three", terminal.Italic);
        terminal.Write(" plain");
        terminal.EndLine();

        output.ToString().Should().Be("  \u001b[3mone\u001b[0m \u001b[3mtwo\u001b[0m \u001b[3mthree\u001b[0m plain" + Environment.NewLine);
    }

    // The text as a reader takes it in: wrapped lines joined, runs of spaces (non-breaking ones too) as one.
    private static string Readable(string output) => Regex.Replace(output.Replace('\u00a0', ' '), @"\s+", " ");
}

using System.Text;
using System.Text.Json;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>The text-to-events encoder on its own: no server, no stream, no clock.</summary>
public class TextEventEncoderTests
{
    private const int Framing = 8; // "data: " and the blank line.
    private static readonly int Overhead = ChatbotWire.TextPrefix.Length + ChatbotWire.DeltaSuffix.Length;

    [Fact]
    public void Add_SurrogatePairSplitAcrossTwoTexts_IsOneWholeCharacter()
    {
        using var encoder = new TextEventEncoder(Options());

        var events = Encode(encoder, "smile \uD83D", "\uDE00 done");

        events.Select(Text).Should().Equal("smile ", "\uD83D\uDE00 done");
        encoder.TryBuildClosingEvent(Bytes(events)).Should().BeTrue();
        Final(encoder).Should().Be("smile \uD83D\uDE00 done");
    }

    [Fact]
    public void EndText_HighSurrogateLeftWaiting_IsWrittenAsReplacementCharacter()
    {
        using var encoder = new TextEventEncoder(Options());
        var events = Encode(encoder, "cut \uD83D");

        encoder.EndText().Should().BeTrue();
        encoder.TryBuildDeltaEvent(Bytes(events)).Should().BeTrue();

        events.Select(Text).Should().Equal("cut ");
        Text(encoder.Event.ToArray()).Should().Be("\uFFFD");
    }

    [Fact]
    public void EndText_NothingWaiting_HasNothingToTake()
    {
        using var encoder = new TextEventEncoder(Options());
        Encode(encoder, "whole");

        encoder.EndText().Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TryBuildDeltaEvent_TextAtTheEventBoundary_FitsOneEventAndOneMoreCharacterMakesTwo(int extra)
    {
        const int maxEventBytes = 256;
        using var encoder = new TextEventEncoder(Options(maxEventBytes));
        var text = new string('a', maxEventBytes - Framing - Overhead + extra);

        var events = Encode(encoder, text);

        events.Should().HaveCount(1 + extra);
        events.Should().OnlyContain(data => data.Length + Framing <= maxEventBytes);
        string.Concat(events.Select(Text)).Should().Be(text);
    }

    [Theory]
    [InlineData("\uD83D\uDE00")]
    [InlineData("\"")]
    [InlineData("\u00e9")]
    [InlineData("\n")]
    public void TryBuildDeltaEvent_LongTextOfCharactersThatGrowWhenEscaped_EndsEveryEventBetweenTwoCharacters(string unit)
    {
        const int maxEventBytes = 200;
        using var encoder = new TextEventEncoder(Options(maxEventBytes));
        var text = string.Concat(Enumerable.Repeat("x" + unit, 300));

        var events = Encode(encoder, text);

        events.Should().HaveCountGreaterThan(1);
        events.Should().OnlyContain(data => data.Length + Framing <= maxEventBytes);
        string.Concat(events.Select(Text)).Should().Be(text, "each event is valid JSON on its own and nothing is lost");
    }

    [Fact]
    public void TryBuildDeltaEvent_ResponseLimitReached_CutsAndKeepsRoomForTheClosingEvent()
    {
        const int maxResponseBytes = 600;
        using var encoder = new TextEventEncoder(Options(maxEventBytes: 128, maxResponseBytes));

        var events = Encode(encoder, new string('b', 5_000));
        var written = Bytes(events);

        encoder.IsCut.Should().BeTrue();
        encoder.TryBuildClosingEvent(written).Should().BeTrue();
        Encoding.UTF8.GetString(encoder.Event).Should().Be("[DONE]", "a cut text is not the whole text");
        (written + encoder.Event.Length + Framing).Should().BeLessThanOrEqualTo(maxResponseBytes);
    }

    [Fact]
    public void TryBuildClosingEvent_WholeTextTooLargeForOneEvent_IsTheDoneSentinel()
    {
        using var encoder = new TextEventEncoder(Options(maxEventBytes: 128));

        var events = Encode(encoder, new string('c', 70), new string('d', 70));

        encoder.IsCut.Should().BeFalse();
        encoder.TryBuildClosingEvent(Bytes(events)).Should().BeTrue();
        Encoding.UTF8.GetString(encoder.Event).Should().Be("[DONE]");
    }

    [Theory]
    [InlineData(ChatbotStreamCompletion.DoneSentinel, "[DONE]")]
    [InlineData(ChatbotStreamCompletion.None, null)]
    public void TryBuildClosingEvent_FollowsTheStreamCompletion(ChatbotStreamCompletion completion, string? expected)
    {
        var options = Options();
        options.StreamCompletion = completion;
        using var encoder = new TextEventEncoder(options);
        var events = Encode(encoder, "hi");

        var closed = encoder.TryBuildClosingEvent(Bytes(events));

        closed.Should().Be(expected is not null);
        if (expected is not null)
        {
            Encoding.UTF8.GetString(encoder.Event).Should().Be(expected);
        }
    }

    [Fact]
    public void TryTakePlain_PlainTextThatFits_IsWrittenAsTheSameEventAsAdd()
    {
        using var plain = new TextEventEncoder(Options());
        using var added = new TextEventEncoder(Options());

        plain.TryTakePlain("plain words", 0, out var size).Should().BeTrue();
        var output = new byte[size];
        TextEventEncoder.WritePlainEvent("plain words", output);
        var viaAdd = Encode(added, "plain words").Single();

        output.Should().Equal(viaAdd);
        plain.TryTakePlain("needs \"escaping\"", 0, out _).Should().BeFalse();
    }

    private static ChatbotServerOptions Options(int maxEventBytes = 1024, int maxResponseBytes = 64 * 1024) =>
        new() { Limits = new ChatbotLimits { MaxEventBytes = maxEventBytes, MaxResponseBytes = maxResponseBytes } };

    /// <summary>Adds each text and takes its events, as the writer does, counting what the response holds.</summary>
    private static List<byte[]> Encode(TextEventEncoder encoder, params string[] texts)
    {
        var events = new List<byte[]>();
        foreach (var text in texts)
        {
            encoder.Add(text);
            while (encoder.TryBuildDeltaEvent(Bytes(events)))
            {
                events.Add(encoder.Event.ToArray());
            }
        }

        return events;
    }

    private static long Bytes(List<byte[]> events) => events.Sum(data => (long)data.Length + Framing);

    private static string Text(byte[] data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.GetProperty("message").GetProperty("text").GetString()!;
    }

    private static string Final(TextEventEncoder encoder)
    {
        using var document = JsonDocument.Parse(encoder.Event.ToArray());
        var message = document.RootElement.GetProperty("message");
        message.GetProperty("streamType").GetString().Should().Be("final");
        return message.GetProperty("text").GetString()!;
    }
}

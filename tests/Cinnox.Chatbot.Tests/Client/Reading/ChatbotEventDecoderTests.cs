using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json.Nodes;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

/// <summary>
/// The event decoder on its own: what one event's bytes say, and a differential check that the compact fast path
/// and the full <c>Utf8JsonReader</c> path read every event the fast path accepts the same way.
/// </summary>
public class ChatbotEventDecoderTests
{
    private const int Mutations = 2000;

    public static TheoryData<string> Seeds =>
        [.. SeedExamples.AllNames.Where(name => name.StartsWith("reply", StringComparison.Ordinal) || name.StartsWith("stream", StringComparison.Ordinal))];

    [Fact]
    public void Decode_DoneSentinel_IsDone()
    {
        using var text = new TextAccumulator();
        ChatbotEventDecoder.Decode(SseParser.EventTypeDefault, " [DONE] "u8, text).Kind.Should().Be(DecodedEventKind.Done);
    }

    [Fact]
    public void Decode_OtherEventName_IsIgnored()
    {
        using var text = new TextAccumulator();
        ChatbotEventDecoder.Decode("ping", """{"message":{"type":1,"text":"hi"}}"""u8, text).Kind.Should().Be(DecodedEventKind.Ignored);
    }

    [Theory]
    [InlineData("""{"message":{"type":1,"text":"hi","streamType":"delta"}}""", 1, "hi", "Delta")]
    [InlineData("""{"message":{"streamType":"FINAL","text":"a\"b","type":1}}""", 1, "a\"b", "Terminal")]
    [InlineData("""{ "message": { "type": "5", "text": null } }""", 5, "", "Absent")]
    [InlineData("""{"message":{"type":1,"text":"x","streamType":"chunk"}}""", 1, "x", "Unknown")]
    public void Decode_Message_ReadsTypeTextAndStreamType(string data, int type, string expectedText, string streamType)
    {
        using var text = new TextAccumulator();
        var decoded = ChatbotEventDecoder.Decode(SseParser.EventTypeDefault, Encoding.UTF8.GetBytes(data), text);

        decoded.Kind.Should().Be(DecodedEventKind.Message);
        decoded.Type.Should().Be(type);
        decoded.StreamType.ToString().Should().Be(streamType);
        new string(text.Pending(decoded.TextLength)).Should().Be(expectedText);
    }

    [Theory]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"message":"hi"}""", "'message' is not a JSON object")]
    [InlineData("""{"message":{"text":5}}""", "'text' is a number")]
    [InlineData("""{"other":{}}""", "no 'message' object")]
    [InlineData("""{"message":{}} {}""", "not valid JSON")]
    [InlineData("""{"message":{"text":"a""", "not valid JSON")]
    public void Decode_Unreadable_IsMalformedWithTheReason(string data, string reason)
    {
        using var text = new TextAccumulator();
        var decoded = ChatbotEventDecoder.Decode(SseParser.EventTypeDefault, Encoding.UTF8.GetBytes(data), text);

        decoded.Kind.Should().Be(DecodedEventKind.Malformed);
        decoded.Problem.Should().Contain(reason);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FastAndFullPaths_AgreeOnSeedExamplesAndTheirMutations(string name)
    {
        var compact = Encoding.UTF8.GetBytes(JsonNode.Parse(SeedExamples.Text(name))!.ToJsonString());
        var accepted = 0;
        foreach (var data in Variants(compact, SeedExamples.Utf8(name), new Random(name.Length * 104729)))
        {
            accepted += AssertPathsAgree(data) ? 1 : 0;
        }

        if (!name.Contains("advanced", StringComparison.Ordinal))
        {
            accepted.Should().BeGreaterThan(0, "some variants of every text example must take the fast path, or the comparison tests nothing");
        }
    }

    [Fact]
    public void FastAndFullPaths_AgreeOnCompactTextEvents()
    {
        string[] texts = ["", "hi", "héllo wörld", "😀 split?", "tab\tnewline\n", "quote\"back\\slash", new string('x', 3000)];
        string[] streamTypes = ["delta", "DELTA", "final", "Full", "done", "end", "complete", "chunk", ""];
        var random = new Random(20261130);
        foreach (var value in texts)
        {
            foreach (var streamType in streamTypes)
            {
                var properties = new List<string> { "\"type\":1", "\"text\":" + JsonValue.Create(value).ToJsonString() };
                if (streamType.Length > 0)
                {
                    properties.Add("\"streamType\":\"" + streamType + "\"");
                }

                var shuffled = properties.OrderBy(_ => random.Next()).ToList();
                var data = Encoding.UTF8.GetBytes("{\"message\":{" + string.Join(',', shuffled) + "}}");
                foreach (var variant in Variants(data, data, random))
                {
                    AssertPathsAgree(variant);
                }
            }
        }
    }

    private static IEnumerable<byte[]> Variants(byte[] compact, byte[] original, Random random)
    {
        yield return compact;
        yield return original;
        for (var length = 0; length < compact.Length; length += Math.Max(1, compact.Length / 64))
        {
            yield return compact[..length];
        }

        for (var i = 0; i < Mutations; i++)
        {
            var copy = (byte[])compact.Clone();
            for (var flips = random.Next(1, 3); flips > 0; flips--)
            {
                var at = random.Next(copy.Length);
                copy[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)"\"{}:,0123456789\\ "[random.Next(16)],
                    _ => (byte)char.ToUpperInvariant((char)copy[at]),
                };
            }

            yield return copy;
        }
    }

    /// <summary>Returns whether the fast path accepted the data; when it did, the full path must read the same.</summary>
    private static bool AssertPathsAgree(byte[] data)
    {
        using var fastText = new TextAccumulator();
        using var fullText = new TextAccumulator();
        if (!ChatbotEventDecoder.TryDecodeCompact(data, fastText, out var fast))
        {
            return false;
        }

        var full = ChatbotEventDecoder.DecodeFull(data, fullText);
        var because = "the fast path accepted " + Encoding.UTF8.GetString(data);
        full.Kind.Should().Be(DecodedEventKind.Message, because);
        full.Type.Should().Be(fast.Type, because);
        full.StreamType.Should().Be(fast.StreamType, because);
        new string(fullText.Pending(full.TextLength)).Should().Be(new string(fastText.Pending(fast.TextLength)), because);
        return true;
    }
}

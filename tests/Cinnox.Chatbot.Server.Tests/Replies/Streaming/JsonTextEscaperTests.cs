using System.Text;
using System.Text.Json;

namespace Cinnox.Chatbot.Server.Tests;

public sealed class JsonTextEscaperTests
{
    [Theory]
    [InlineData("abc", 3, 3, 3)]
    [InlineData("abc", 2, 2, 2)]
    [InlineData("a\"b", 2, 1, 1)]
    [InlineData("a\"b", 3, 3, 2)]
    [InlineData("é", 1, 0, 0)]
    [InlineData("é", 2, 2, 1)]
    [InlineData("a中", 3, 1, 1)]
    [InlineData("a中", 4, 4, 2)]
    [InlineData("\u0001x", 5, 0, 0)]
    [InlineData("\u0001x", 6, 6, 1)]
    [InlineData("\U0001F600", 6, 0, 0)]
    [InlineData("\U0001F600", 11, 0, 0)]
    [InlineData("\U0001F600", 12, 12, 2)]
    [InlineData("\U0001F600!", 13, 13, 3)]
    public void FitPrefix_NeverCutsInsideACharacter(string text, int maxBytes, int expectedBytes, int expectedChars)
    {
        using var escaper = new JsonTextEscaper();
        var escaped = escaper.Escape(text).ToArray();

        var length = JsonTextEscaper.FitPrefix(escaped, maxBytes, out var chars);

        length.Should().Be(expectedBytes);
        chars.Should().Be(expectedChars);
        JsonSerializer.Deserialize<string>("\"" + Encoding.UTF8.GetString(escaped, 0, length) + "\"").Should().Be(text[..chars]);
    }

    [Fact]
    public void Escape_WritesNonAsciiTextUnescapedAndControlsEscaped()
    {
        using var escaper = new JsonTextEscaper();

        Encoding.UTF8.GetString(escaper.Escape("wörld 中 \"q\" \\ \n <>&'").Span).Should().Be("wörld 中 \\\"q\\\" \\\\ \\n <>&'");
    }

    [Fact]
    public void Escape_LoneSurrogate_BecomesTheReplacementCharacter()
    {
        using var escaper = new JsonTextEscaper();

        Encoding.UTF8.GetString(escaper.Escape("a\uD83Db").Span).Should().Be("a\\uFFFDb");
    }

    [Fact]
    public void IsPlain_AgreesWithTheWriterForEveryAsciiCharacter()
    {
        using var escaper = new JsonTextEscaper();
        for (var c = '\0'; c < 0x80; c++)
        {
            var text = new string(c, 3);
            var escapedAsIs = Encoding.UTF8.GetString(escaper.Escape(text).Span) == text;

            JsonTextEscaper.IsPlain(text).Should().Be(escapedAsIs, $"character U+{(int)c:X4}");
        }

        JsonTextEscaper.IsPlain("é").Should().BeFalse("only ASCII takes the shortcut");
    }

    [Fact]
    public void WriteQuoted_MatchesTheSdksWriterForMixedText()
    {
        using var escaper = new JsonTextEscaper();
        var random = new Random(42);
        var alphabet = "abc \"\\\n\t\u0001\u007Fé中\u2028\uFEFF\uE000<>&'".ToCharArray();
        for (var i = 0; i < 500; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var output = new PooledByteBuffer();
            escaper.WriteQuoted(text, output);

            var expected = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = ChatbotJson.CreateWriter(expected))
            {
                writer.WriteStringValue(text);
            }

            output.WrittenSpan.ToArray().Should().Equal(expected.WrittenSpan.ToArray(), text);
            output.Dispose();
        }
    }
}

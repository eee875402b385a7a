using System.Text;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>Builds in-memory Server-Sent-Events replies shaped like a bot's streamed answer.</summary>
public static class SseReplies
{
    /// <summary>Builds a reply of delta events followed by <c>data: [DONE]</c>.</summary>
    /// <param name="events">How many delta events.</param>
    /// <param name="minLength">The shortest token.</param>
    /// <param name="maxLength">The longest token.</param>
    /// <param name="seed">The seed of the token lengths, so every run sees the same bytes.</param>
    /// <returns>The UTF-8 bytes and the text the deltas add up to.</returns>
    public static (byte[] Bytes, string Text) Deltas(int events, int minLength, int maxLength, int seed = 42)
    {
        var random = new Random(seed);
        var wire = new StringBuilder(events * (maxLength + 64));
        var text = new StringBuilder(events * maxLength);
        for (var i = 0; i < events; i++)
        {
            var length = random.Next(minLength, maxLength + 1);
            var token = new string((char)('a' + (i % 26)), length);
            text.Append(token);
            wire.Append("data: {\"message\":{\"type\":1,\"text\":\"").Append(token).Append("\",\"streamType\":\"delta\"}}\n\n");
        }

        wire.Append("data: [DONE]\n\n");
        return (Encoding.UTF8.GetBytes(wire.ToString()), text.ToString());
    }
}

using System.Text;

namespace Cinnox.Chatbot;

/// <summary>
/// The fixed bytes of the protocol's wire format that both the client and the server toolkit rely on
/// (docs/protocol-decisions.md): the compact text event both sides write and recognise, its suffixes, the stream
/// sentinel, and which <c>streamType</c> values end a stream.
/// </summary>
internal static class ChatbotWire
{
    /// <summary>The start of every reply message object: <c>{"message":{</c>.</summary>
    public static ReadOnlySpan<byte> MessagePrefix => "{\"message\":{"u8;

    /// <summary>
    /// What precedes the escaped text of a compact text message, up to and including the opening quote:
    /// <c>{"message":{"type":1,"text":"</c>. The server writes it; the client's fast path recognises it.
    /// </summary>
    public static ReadOnlySpan<byte> TextPrefix => "{\"message\":{\"type\":1,\"text\":\""u8;

    /// <summary>What follows the escaped text of a <c>delta</c> event.</summary>
    public static ReadOnlySpan<byte> DeltaSuffix => "\",\"streamType\":\"delta\"}}"u8;

    /// <summary>What follows the escaped text of the <c>final</c> event.</summary>
    public static ReadOnlySpan<byte> FinalSuffix => "\",\"streamType\":\"final\"}}"u8;

    /// <summary>What follows the escaped text of a JSON reply.</summary>
    public static ReadOnlySpan<byte> MessageSuffix => "\"}}"u8;

    /// <summary>The data of the sentinel event that ends a stream.</summary>
    public static ReadOnlySpan<byte> Done => "[DONE]"u8;

    /// <summary>The <c>streamType</c> of a piece to append.</summary>
    public const string DeltaStreamType = "delta";

    /// <summary>The <c>streamType</c> values that carry the whole message and end the stream, as written.</summary>
    public static IReadOnlyList<string> TerminalStreamTypes => Terminals;

    private static readonly string[] Terminals = ["full", "final", "done", "end", "complete"];

    /// <summary>Determines whether a <c>streamType</c> text ends the stream, case-insensitively.</summary>
    public static bool IsTerminalStreamType(ReadOnlySpan<char> value)
    {
        foreach (var terminal in Terminals)
        {
            if (Ascii.EqualsIgnoreCase(value, terminal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Determines whether a <c>streamType</c>'s UTF-8 bytes end the stream, case-insensitively.</summary>
    public static bool IsTerminalStreamType(ReadOnlySpan<byte> value)
    {
        foreach (var terminal in Terminals)
        {
            if (Ascii.EqualsIgnoreCase(value, terminal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Determines whether a <c>streamType</c> text is <c>delta</c>, case-insensitively.</summary>
    public static bool IsDeltaStreamType(ReadOnlySpan<char> value) =>
        value.Equals(DeltaStreamType, StringComparison.OrdinalIgnoreCase);
}

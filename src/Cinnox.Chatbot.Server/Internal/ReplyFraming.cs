namespace Cinnox.Chatbot.Server.Internal;

/// <summary>
/// The fixed bytes around a text reply's escaped text, on the wire (SPEC §3.1, §4). Written by hand around the
/// text that <see cref="JsonTextEscaper"/> escapes, so each event costs one escape and two copies and its exact
/// size is known before it is sent.
/// </summary>
internal static class ReplyFraming
{
    /// <summary>The bytes SSE adds to an event whose data is one line: <c>data: </c> and the blank line.</summary>
    public const int EventFraming = 8;

    /// <summary>The longest escaped form of one text element: a surrogate pair escaped as <c>\uD83D\uDE00</c>.</summary>
    public const int MaxTokenBytes = 12;

    /// <summary>What precedes the escaped text, up to and including the opening quote.</summary>
    public static ReadOnlySpan<byte> TextPrefix => "{\"message\":{\"type\":1,\"text\":\""u8;

    /// <summary>What follows the escaped text of a <c>delta</c> event.</summary>
    public static ReadOnlySpan<byte> DeltaSuffix => "\",\"streamType\":\"delta\"}}"u8;

    /// <summary>What follows the escaped text of the <c>final</c> event.</summary>
    public static ReadOnlySpan<byte> FinalSuffix => "\",\"streamType\":\"final\"}}"u8;

    /// <summary>What follows the escaped text of a JSON reply.</summary>
    public static ReadOnlySpan<byte> MessageSuffix => "\"}}"u8;

    /// <summary>The data of the sentinel event that ends a stream.</summary>
    public static ReadOnlySpan<byte> Done => "[DONE]"u8;

    /// <summary>A whole keep-alive comment, blank line included.</summary>
    public static ReadOnlySpan<byte> KeepAlive => ": keep-alive\n\n"u8;

    /// <summary>The bytes of a <c>delta</c> or <c>final</c> event besides its escaped text, framing included.</summary>
    public static int EventOverhead => EventFraming + TextPrefix.Length + DeltaSuffix.Length;

    /// <summary>The bytes of the <c>data: [DONE]</c> event, framing included.</summary>
    public static int DoneEventBytes => EventFraming + Done.Length;
}

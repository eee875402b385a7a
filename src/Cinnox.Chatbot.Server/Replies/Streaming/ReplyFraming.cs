namespace Cinnox.Chatbot.Server;

/// <summary>
/// The fixed bytes around a text reply's escaped text, on the wire (docs/protocol.md). Written by hand around the
/// text that <see cref="JsonTextEscaper"/> escapes, so each event costs one escape and two copies and its exact
/// size is known before it is sent.
/// </summary>
internal static class ReplyFraming
{
    /// <summary>The bytes SSE adds to an event whose data is one line: <c>data: </c> and the blank line.</summary>
    public const int EventFraming = 8;

    /// <summary>The longest escaped form of one text element: a surrogate pair escaped as <c>\uD83D\uDE00</c>.</summary>
    public const int MaxTokenBytes = 12;

    /// <summary>A whole keep-alive comment, blank line included.</summary>
    public static ReadOnlySpan<byte> KeepAlive => ": keep-alive\n\n"u8;

    /// <summary>The bytes of a <c>delta</c> or <c>final</c> event besides its escaped text, framing included.</summary>
    public static int EventOverhead => EventFraming + ChatbotWire.TextPrefix.Length + ChatbotWire.DeltaSuffix.Length;

    /// <summary>The bytes of the <c>data: [DONE]</c> event, framing included.</summary>
    public static int DoneEventBytes => EventFraming + ChatbotWire.Done.Length;
}

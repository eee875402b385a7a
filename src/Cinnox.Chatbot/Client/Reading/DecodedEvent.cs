namespace Cinnox.Chatbot;

/// <summary>What one Server-Sent event says, as <see cref="ChatbotEventDecoder"/> read it.</summary>
/// <param name="Kind">Whether it is a message, the sentinel, unreadable, or not a CINNOX event at all.</param>
/// <param name="Type">The message's <c>type</c> number, or <see langword="null"/> when it has none.</param>
/// <param name="TextLength">The number of UTF-16 units of text decoded, pending, into the accumulator.</param>
/// <param name="StreamType">How the <c>streamType</c> was classified.</param>
/// <param name="UnknownStreamType">The <c>streamType</c> text when this SDK does not know it.</param>
/// <param name="Problem">Why a <see cref="DecodedEventKind.Malformed"/> event cannot be read.</param>
internal readonly record struct DecodedEvent(
    DecodedEventKind Kind,
    int? Type = null,
    int TextLength = 0,
    DecodedStreamType StreamType = DecodedStreamType.Absent,
    string? UnknownStreamType = null,
    string? Problem = null)
{
    /// <summary>Makes a message event.</summary>
    public static DecodedEvent Message(int? type, int textLength, DecodedStreamType streamType, string? unknownStreamType = null) =>
        new(DecodedEventKind.Message, type, textLength, streamType, unknownStreamType);

    /// <summary>Makes an unreadable event.</summary>
    public static DecodedEvent Malformed(string problem) => new(DecodedEventKind.Malformed, Problem: problem);
}

namespace Cinnox.Chatbot;

/// <summary>How an event's <c>streamType</c> reads.</summary>
internal enum DecodedStreamType : byte
{
    /// <summary>No <c>streamType</c> (or <see langword="null"/>): the event carries the whole message.</summary>
    Absent,

    /// <summary><c>delta</c>: a piece to append.</summary>
    Delta,

    /// <summary>A terminal value: the whole message, which ends the stream.</summary>
    Terminal,

    /// <summary>A value this SDK does not know; treated as <c>delta</c>.</summary>
    Unknown,
}

namespace Cinnox.Chatbot;

/// <summary>The kinds of <see cref="DecodedEvent"/>.</summary>
internal enum DecodedEventKind : byte
{
    /// <summary>Not a CINNOX event (another event name); ignored.</summary>
    Ignored,

    /// <summary>The <c>[DONE]</c> sentinel.</summary>
    Done,

    /// <summary>A message object.</summary>
    Message,

    /// <summary>Data that cannot be read as a message.</summary>
    Malformed,
}

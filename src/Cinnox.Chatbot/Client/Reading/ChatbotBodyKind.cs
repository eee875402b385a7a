namespace Cinnox.Chatbot;

/// <summary>How a reply body is read.</summary>
internal enum ChatbotBodyKind
{
    /// <summary>Decided by the first non-space byte (docs/protocol.md#streaming-replies).</summary>
    Unknown,

    /// <summary>A JSON reply.</summary>
    Json,

    /// <summary>A Server-Sent-Events stream.</summary>
    EventStream,
}

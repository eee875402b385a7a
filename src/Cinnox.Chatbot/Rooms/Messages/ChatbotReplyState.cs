namespace Cinnox.Chatbot.Rooms;

/// <summary>Where a chatbot's reply message is in its life.</summary>
public enum ChatbotReplyState
{
    /// <summary>Text is still arriving; the message grows with every delta.</summary>
    Streaming = 0,

    /// <summary>The reply ended normally.</summary>
    Completed = 1,

    /// <summary>The reply ended early (interrupted, timed out, too large…); the text that arrived stays, marked incomplete.</summary>
    Incomplete = 2,
}

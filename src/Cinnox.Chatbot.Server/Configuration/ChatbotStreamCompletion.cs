namespace Cinnox.Chatbot.Server;

/// <summary>
/// How the toolkit marks the end of a streamed reply (docs/protocol.md#streaming-replies), after the last <c>delta</c> event.
/// </summary>
public enum ChatbotStreamCompletion
{
    /// <summary>
    /// A final event carrying the whole text,
    /// <c>{"message":{"type":1,"text":"&lt;whole text&gt;","streamType":"final"}}</c>. A platform that only knows the
    /// protocol's <c>delta</c> events and plain text messages reads it as the complete message, so nothing is lost
    /// or doubled whether it appends deltas or replaces with complete messages. When the whole text does not fit in
    /// one event or in what is left of the response limit, <c>data: [DONE]</c> is sent instead.
    /// </summary>
    FinalEvent = 0,

    /// <summary>The sentinel <c>data: [DONE]</c>, as OpenAI-style streams end.</summary>
    DoneSentinel = 1,

    /// <summary>Nothing: the response simply ends after the last <c>delta</c> event.</summary>
    None = 2,
}

namespace Cinnox.Chatbot;

/// <summary>
/// The shape of the request body a destination expects (docs/protocol.md).
/// </summary>
public enum ChatbotRequestFormat
{
    /// <summary>
    /// The current format: <c>{"query": "...", "queryParams": {...}, "inquiryID": "...", "action": "input.unknown", ...context}</c>.
    /// </summary>
    Current = 0,

    /// <summary>
    /// The legacy format: <c>{"queryResult": {"queryText": "..."}}</c> and nothing else.
    /// </summary>
    Legacy = 1,
}

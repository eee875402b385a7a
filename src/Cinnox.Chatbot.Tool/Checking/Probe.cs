namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>One request of the checker's battery.</summary>
/// <param name="Name">How reports name it, such as <c>legacy format</c>.</param>
/// <param name="Request">The request to send.</param>
/// <param name="Format">The body format.</param>
/// <param name="Stream">Whether streaming is asked for (<c>Accept: text/event-stream</c>).</param>
/// <param name="ExternalChannel">Whether the enquiry comes from an external omni-channel, which must get JSON.</param>
internal sealed record Probe(string Name, ChatbotRequest Request, ChatbotRequestFormat Format, bool Stream, bool ExternalChannel);

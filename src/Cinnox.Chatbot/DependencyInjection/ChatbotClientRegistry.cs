namespace Cinnox.Chatbot;

/// <summary>The names of the registered chatbot destinations, filled by <c>AddCinnoxChatbotClient</c>.</summary>
internal sealed class ChatbotClientRegistry
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}

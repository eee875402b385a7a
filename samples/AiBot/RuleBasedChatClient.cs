using System.Runtime.CompilerServices;
using Cinnox.Chatbot.Server;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Samples;

/// <summary>
/// A stand-in for a language model, so the sample runs offline: it follows a few fixed rules, calls the CINNOX
/// action tools as a model would, and labels every answer as rule-based.
/// </summary>
/// <remarks>
/// <c>agent</c> or <c>human</c> calls the transfer tool; <c>bye</c> the close tool; <c>menu</c> offers choices and then
/// writes the message that goes with them; anything else is echoed word by word.
/// </remarks>
public sealed class RuleBasedChatClient : IChatClient
{
    /// <summary>The label every text answer starts with.</summary>
    public const string Label = "[rule-based, not an AI] ";

    private static readonly ChatClientMetadata Metadata = new("rule-based");

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var all = messages.ToList();
        var offered = options?.Tools?.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        if (all.Count > 0 && all[^1].Role == ChatRole.Tool)
        {
            // The tool ran (choices were offered): write the message that goes with them.
            return Words(Label + "Here is what I can help with:", cancellationToken);
        }

        var query = all.LastOrDefault(message => message.Role == ChatRole.User)?.Text.Trim().ToUpperInvariant() ?? string.Empty;
        return query switch
        {
            "AGENT" or "HUMAN" when offered.Contains(ChatbotTools.TransferToLiveAgentName) => Call(ChatbotTools.TransferToLiveAgentName, null),
            "BYE" when offered.Contains(ChatbotTools.CloseEnquiryName) => Call(ChatbotTools.CloseEnquiryName, null),
            "MENU" when offered.Contains(ChatbotTools.OfferChoicesName) => Call(ChatbotTools.OfferChoicesName,
                new Dictionary<string, object?> { ["choices"] = new[] { "Opening hours", "Track my order", "Talk to a person" } }),
            _ => Words($"{Label}You said: {all.LastOrDefault(message => message.Role == ChatRole.User)?.Text}", cancellationToken),
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null : serviceType == typeof(ChatClientMetadata) ? Metadata : serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Call(string name, IDictionary<string, object?>? arguments)
    {
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent(Guid.NewGuid().ToString("N"), name, arguments)]);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Words(string text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i < words.Length - 1 ? words[i] + " " : words[i]);
        }
    }
}

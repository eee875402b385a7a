using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.ChatClients;

/// <summary>
/// A CINNOX bot seen as an <see cref="IChatClient"/>: each call sends the last user message as one request and
/// reads the reply (docs/protocol.md). It keeps no conversation state; the bot keeps the enquiry's by <c>inquiryID</c>.
/// </summary>
internal sealed class ChatbotChatClient : IChatClient
{
    private const string ProviderName = "cinnox";
    private readonly IChatbotClient _client;
    private readonly ChatClientMetadata _metadata;

    public ChatbotChatClient(IChatbotClient client)
    {
        _client = client;
        var destination = client.Destination;
        _metadata = new ChatClientMetadata(ProviderName, destination?.Url, destination?.Name);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (request, sendOptions) = ChatbotChatRequests.Create(messages, options);
        var reply = await _client.SendAsync(request, sendOptions, cancellationToken).ConfigureAwait(false);

        // The client ends a reply the caller cancelled as interrupted; an IChatClient caller expects the exception.
        cancellationToken.ThrowIfCancellationRequested();
        ChatbotChatResponses.ThrowIfEmptyFailure(reply);
        return ChatbotChatResponses.ToResponse(reply, _metadata.DefaultModelId);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (request, sendOptions) = ChatbotChatRequests.Create(messages, options);
        return StreamCoreAsync(_client, request, sendOptions, _metadata.DefaultModelId, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(_client))
        {
            return _client;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The underlying client belongs to whoever made it (usually dependency injection).
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(
        IChatbotClient client,
        ChatbotRequest request,
        ChatbotSendOptions? sendOptions,
        string? modelId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // What the caller has been shown, to tell a final event that only repeats or extends the deltas from one
        // that replaces them (docs/protocol.md#streaming-replies). It is no larger than the response limit.
        var shown = new StringBuilder();
        await foreach (var update in client.StreamAsync(request, sendOptions, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (update.Kind)
            {
                case ChatbotReplyUpdateKind.Delta when update.Text.Length > 0:
                    shown.Append(update.Text);
                    yield return Text(update.Text, update, modelId);
                    break;
                case ChatbotReplyUpdateKind.Replace when update.Text.Length > 0:
                    if (StartsWith(update.Text, shown))
                    {
                        if (update.Text.Length > shown.Length)
                        {
                            var extension = update.Text[shown.Length..];
                            shown.Append(extension);
                            yield return Text(extension, update, modelId);
                        }

                        break;
                    }

                    shown.Clear().Append(update.Text);
                    var replacement = Text(update.Text, update, modelId);
                    replacement.AdditionalProperties = new AdditionalPropertiesDictionary { [ChatbotChatKeys.ReplacesText] = true };
                    yield return replacement;
                    break;
                case ChatbotReplyUpdateKind.Completed:
                    var reply = update.Reply!;
                    cancellationToken.ThrowIfCancellationRequested();
                    ChatbotChatResponses.ThrowIfEmptyFailure(reply);
                    if (shown.Length == 0 && reply.Message is ChatbotAdvancedMessage advanced)
                    {
                        yield return new ChatResponseUpdate(ChatRole.Assistant, ChatbotChatResponses.ReadableText(reply))
                        {
                            RawRepresentation = advanced,
                            ModelId = modelId,
                        };
                    }

                    yield return new ChatResponseUpdate
                    {
                        Role = ChatRole.Assistant,
                        FinishReason = ChatbotFinishReasons.Of(reply),
                        ModelId = modelId,
                        RawRepresentation = reply,
                        AdditionalProperties = ChatbotChatResponses.Properties(reply),
                    };
                    yield break;
            }
        }

        // A custom client that stops without a completed update: what was shown stands, with nothing more to say.
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static bool StartsWith(string text, StringBuilder prefix)
    {
        if (text.Length < prefix.Length)
        {
            return false;
        }

        var at = 0;
        foreach (var chunk in prefix.GetChunks())
        {
            if (!text.AsSpan(at, chunk.Length).SequenceEqual(chunk.Span))
            {
                return false;
            }

            at += chunk.Length;
        }

        return true;
    }

    private static ChatResponseUpdate Text(string text, ChatbotReplyUpdate raw, string? modelId) =>
        new(ChatRole.Assistant, text) { RawRepresentation = raw, ModelId = modelId };
}

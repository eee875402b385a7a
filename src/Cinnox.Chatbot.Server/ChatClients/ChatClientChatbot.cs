using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Server.ChatClients;

/// <summary>
/// A chatbot handler answered by an <see cref="IChatClient"/>: the enquiry is the conversation, streaming requests
/// get the model's text as it comes through the toolkit's stream path, JSON requests get the collected text, and
/// calls of the CINNOX action tools become their replies.
/// </summary>
internal sealed class ChatClientChatbot
{
    private const string TransferredNote = "(The enquiry was handed to a live agent.)";

    private readonly Func<HttpContext, IChatClient> _chatClient;
    private readonly ChatClientChatbotOptions _options;
    private readonly IChatbotHistoryStore _history;
    private readonly ILogger _logger;

    public ChatClientChatbot(Func<HttpContext, IChatClient> chatClient, ChatClientChatbotOptions options, IChatbotHistoryStore history, ILogger logger)
    {
        _chatClient = chatClient;
        _options = options;
        _history = history;
        _logger = logger;
    }

    public async ValueTask<ChatbotServerReply> HandleAsync(ChatbotRequestContext context, CancellationToken cancellationToken)
    {
        var chatClient = _chatClient(context.HttpContext);
        var history = await ReadHistoryAsync(context, cancellationToken).ConfigureAwait(false);
        var messages = ChatClientPrompt.BuildMessages(context, _options, history);
        var chatOptions = ChatClientPrompt.BuildOptions(context, _options);
        return context.AcceptsStreaming
            ? await StreamAsync(chatClient, context, messages, chatOptions, cancellationToken).ConfigureAwait(false)
            : await CollectAsync(chatClient, context, messages, chatOptions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatbotServerReply> CollectAsync(
        IChatClient chatClient, ChatbotRequestContext context, List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        var response = await chatClient.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        ModelAction? action = null;
        var text = new StringBuilder();
        foreach (var message in response.Messages)
        {
            action = Strongest(action, ModelAction.Find(message.Contents, _options.ActionTools), context);
            text.Append(ChatClientReplies.AssistantText(message.Role, message.Contents));
        }

        return await ReplyAsync(context, text.ToString(), action).ConfigureAwait(false);
    }

    private async Task<ChatbotServerReply> StreamAsync(
        IChatClient chatClient, ChatbotRequestContext context, List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        var updates = chatClient.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var handedOver = false;
        try
        {
            // Nothing is sent until the model shows what it is doing: an action before any text is a JSON reply.
            while (await updates.MoveNextAsync().ConfigureAwait(false))
            {
                var update = updates.Current;
                if (Strongest(null, ModelAction.Find(update.Contents, _options.ActionTools), context) is { } action)
                {
                    var text = new StringBuilder(ChatClientReplies.AssistantText(update.Role, update.Contents));
                    if (!action.EndsReply)
                    {
                        // Choices make an advanced message, which never streams (docs/protocol.md#streaming-replies): the rest is collected.
                        while (!action.EndsReply && await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            action = Strongest(action, ModelAction.Find(updates.Current.Contents, _options.ActionTools), context)!;
                            text.Append(ChatClientReplies.AssistantText(updates.Current.Role, updates.Current.Contents));
                        }
                    }

                    return await ReplyAsync(context, text.ToString(), action).ConfigureAwait(false);
                }

                var first = ChatClientReplies.AssistantText(update.Role, update.Contents);
                if (first.Length > 0)
                {
                    handedOver = true;
                    return ChatbotReplies.Stream(ContinueAsync(updates, first, context, CancellationToken.None));
                }
            }

            // No text and no action: the toolkit answers a stream without text with a 500 problem.
            return ChatClientReplies.Create(string.Empty, null).Reply;
        }
        finally
        {
            if (!handedOver)
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Streams the model's text from the first piece on; the toolkit enumerates it within its guards.</summary>
    private async IAsyncEnumerable<string> ContinueAsync(
        IAsyncEnumerator<ChatResponseUpdate> updates, string first, ChatbotRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = new StringBuilder(first);
        try
        {
            yield return first;
            while (await updates.MoveNextAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var update = updates.Current;
                if (ModelAction.Find(update.Contents, _options.ActionTools) is { } action)
                {
                    // The reply is already a text stream; it cannot become an action or an advanced message now.
                    ChatClientChatbotLog.ActionAfterText(_logger, context.HttpContext.Request.Path, context.InquiryId, ToolName(action.Kind));
                    yield break;
                }

                var piece = ChatClientReplies.AssistantText(update.Role, update.Contents);
                if (piece.Length > 0)
                {
                    sent.Append(piece);
                    yield return piece;
                }
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
            await RecordAsync(context, sent.ToString(), closes: false).ConfigureAwait(false);
        }
    }

    private async Task<ChatbotServerReply> ReplyAsync(ChatbotRequestContext context, string text, ModelAction? action)
    {
        var (reply, sent) = ChatClientReplies.Create(text, action);
        var note = action?.Kind == ChatbotActionTools.TransferToLiveAgent ? TransferredNote : sent;
        await RecordAsync(context, note, closes: action?.Kind == ChatbotActionTools.CloseEnquiry).ConfigureAwait(false);
        return reply;
    }

    /// <summary>Keeps the first action, unless a later one ends the reply (a transfer or close outranks choices).</summary>
    private ModelAction? Strongest(ModelAction? current, ModelAction? found, ChatbotRequestContext context)
    {
        if (found is null || current is { EndsReply: true } || (current is not null && !found.EndsReply))
        {
            return current;
        }

        ChatClientChatbotLog.ActionCalled(_logger, context.HttpContext.Request.Path, context.InquiryId, ToolName(found.Kind));
        return found;
    }

    private static string ToolName(ChatbotActionTools kind) => kind switch
    {
        ChatbotActionTools.TransferToLiveAgent => ChatbotTools.TransferToLiveAgentName,
        ChatbotActionTools.CloseEnquiry => ChatbotTools.CloseEnquiryName,
        _ => ChatbotTools.OfferChoicesName,
    };

    private async Task<IReadOnlyList<ChatMessage>> ReadHistoryAsync(ChatbotRequestContext context, CancellationToken cancellationToken)
    {
        if (context.InquiryId is not { } inquiryId || _options.MaxHistoryMessages == 0)
        {
            return [];
        }

        try
        {
            return await _history.GetAsync(inquiryId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A store that is down costs the model its memory, not the visitor their answer.
            ChatClientChatbotLog.HistoryFailed(_logger, context.HttpContext.Request.Path, inquiryId, exception);
            return [];
        }
    }

    /// <summary>Keeps the turn as the visitor saw it, or forgets the enquiry when the reply closes it.</summary>
    private async Task RecordAsync(ChatbotRequestContext context, string sent, bool closes)
    {
        if (context.InquiryId is not { } inquiryId || (sent.Length == 0 && !closes))
        {
            return;
        }

        try
        {
            // Not the request's token: the turn happened even when the platform has gone since.
            if (closes)
            {
                await _history.RemoveAsync(inquiryId, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await _history.AppendAsync(inquiryId, [new ChatMessage(ChatRole.User, context.Query), new ChatMessage(ChatRole.Assistant, sent)],
                    CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            ChatClientChatbotLog.HistoryFailed(_logger, context.HttpContext.Request.Path, inquiryId, exception);
        }
    }
}

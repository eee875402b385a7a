using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.ChatClients;

/// <summary>Turns what a model produced into a toolkit reply, and says what the visitor was sent.</summary>
internal static class ChatClientReplies
{
    /// <summary>The reply for a model's text and the action it called, if any, with the text the visitor sees.</summary>
    public static (ChatbotServerReply Reply, string Sent) Create(string text, ModelAction? action)
    {
        switch (action)
        {
            case { Kind: ChatbotActionTools.TransferToLiveAgent }:
                return (ChatbotReplies.DirectTransfer(), ChatbotKeywords.DirectTransfer);
            case { Kind: ChatbotActionTools.CloseEnquiry }:
                return (ChatbotReplies.CloseEnquiry(), ChatbotKeywords.CloseEnquiry);
            case { Kind: ChatbotActionTools.OfferChoices, Choices.Count: > 0 } choices:
                var shown = Shorten(text.Trim(), TextItem.MaxLength);
                var reply = ChatbotReplies.Advanced(message =>
                {
                    if (shown.Length > 0)
                    {
                        message.AddBubble(bubble => bubble.AddText(text: shown));
                    }

                    message.AddQuickReply(quickReply =>
                    {
                        foreach (var choice in choices.Choices)
                        {
                            quickReply.AddPostbackButton(Shorten(choice, ButtonItem.MaxTextLength), Shorten(choice, TextItem.MaxLength));
                        }
                    });
                });
                return (reply, $"{shown}\n[{string.Join("] [", choices.Choices)}]".TrimStart('\n'));
            default:
                // Collected text goes through the toolkit's stream path, which keeps it within the response limit.
                return (ChatbotReplies.Stream(Once(text)), text);
        }
    }

    /// <summary>The text of a model's assistant contents, without reasoning or tool results.</summary>
    public static string AssistantText(ChatRole? role, IList<AIContent> contents)
    {
        if (role is { } known && known != ChatRole.Assistant)
        {
            return string.Empty;
        }

        string? only = null;
        System.Text.StringBuilder? many = null;
        foreach (var content in contents)
        {
            if (content is TextContent { Text: { Length: > 0 } piece })
            {
                if (only is null)
                {
                    only = piece;
                }
                else
                {
                    (many ??= new System.Text.StringBuilder(only)).Append(piece);
                }
            }
        }

        return many?.ToString() ?? only ?? string.Empty;
    }

    /// <summary>Shortens text to a length with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }

    private static async IAsyncEnumerable<string> Once(string text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        yield return text;
    }
}

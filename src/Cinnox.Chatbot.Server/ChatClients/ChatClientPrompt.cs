using System.Text;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.ChatClients;

/// <summary>What the model is given for one request: the messages and the chat options.</summary>
internal static class ChatClientPrompt
{
    /// <summary>The instructions, the context, the last of the enquiry's history, and the visitor's message.</summary>
    public static List<ChatMessage> BuildMessages(ChatbotRequestContext context, ChatClientChatbotOptions options, IReadOnlyList<ChatMessage> history)
    {
        var messages = new List<ChatMessage>(history.Count + 3);
        if (!string.IsNullOrWhiteSpace(options.Instructions))
        {
            messages.Add(new ChatMessage(ChatRole.System, options.Instructions));
        }

        if (options.IncludeContext &&
            (options.DescribeContext is { } describe ? describe(context) : DescribeContext(context.Context)) is { Length: > 0 } description)
        {
            messages.Add(new ChatMessage(ChatRole.System, description));
        }

        var skip = Math.Max(0, history.Count - options.MaxHistoryMessages);
        for (var i = skip; i < history.Count; i++)
        {
            messages.Add(history[i]);
        }

        messages.Add(new ChatMessage(ChatRole.User, context.Query));
        return messages;
    }

    /// <summary>The template options, cloned, with the action tools added and the callback applied.</summary>
    public static ChatOptions BuildOptions(ChatbotRequestContext context, ChatClientChatbotOptions options)
    {
        var chatOptions = options.ChatOptions?.Clone() ?? new ChatOptions();
        if (options.ActionTools != ChatbotActionTools.None)
        {
            var tools = chatOptions.Tools is null ? new List<AITool>() : [.. chatOptions.Tools];
            foreach (var tool in ChatbotTools.For(options.ActionTools))
            {
                if (!tools.Exists(existing => existing.Name == tool.Name))
                {
                    tools.Add(tool);
                }
            }

            chatOptions.Tools = tools;
        }

        options.ConfigureChatOptions?.Invoke(context, chatOptions);
        return chatOptions;
    }

    /// <summary>The default description: one line per context field that is set, or null when none is.</summary>
    public static string? DescribeContext(ChatbotEnquiryContext context)
    {
        if (context.IsEmpty)
        {
            return null;
        }

        var text = new StringBuilder("About this enquiry:");
        foreach (var (name, value) in context.GetFields())
        {
            text.Append("\n- ").Append(name).Append(": ").Append(value);
        }

        return text.ToString();
    }
}

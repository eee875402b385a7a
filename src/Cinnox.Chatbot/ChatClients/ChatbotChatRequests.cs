using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.ChatClients;

/// <summary>Turns what an <see cref="IChatClient"/> caller passes into one CINNOX request (docs/protocol.md#request).</summary>
internal static class ChatbotChatRequests
{
    /// <summary>Makes the request: the last user message is the query; the enquiry and its context come from the options.</summary>
    /// <exception cref="ArgumentException">There is no user message with text, or a key holds a value of the wrong type.</exception>
    public static (ChatbotRequest Request, ChatbotSendOptions? SendOptions) Create(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ChatMessage? last = null;
        foreach (var message in messages)
        {
            if (message?.Role == ChatRole.User)
            {
                last = message;
            }
        }

        var query = last?.Text;
        if (string.IsNullOrEmpty(query))
        {
            throw new ArgumentException(
                "The messages must end the conversation with a user message that has text: it becomes the request's 'query'.", nameof(messages));
        }

        var request = new ChatbotRequest(query);
        if (options?.AdditionalProperties is not { Count: > 0 } properties)
        {
            return (request, null);
        }

        request.InquiryId = Get<string>(properties, ChatbotChatKeys.InquiryId);
        if (Get<ChatbotEnquiryContext>(properties, ChatbotChatKeys.Context) is { } context)
        {
            request.Context = context.Clone();
        }

        foreach (var field in ChatbotEnquiryContext.FieldNames)
        {
            if (Get<string>(properties, ChatbotChatKeys.ContextFieldPrefix + field) is { } value)
            {
                request.Context[field] = value;
            }
        }

        if (Get<IEnumerable<KeyValuePair<string, string>>>(properties, ChatbotChatKeys.QueryParams) is { } queryParams)
        {
            foreach (var (key, value) in queryParams)
            {
                request.QueryParams[key] = value;
            }
        }

        var sendOptions = properties.TryGetValue(ChatbotChatKeys.ExternalChannel, out var external) && external is not null
            ? new ChatbotSendOptions { IsExternalChannel = external as bool? ?? throw WrongType(ChatbotChatKeys.ExternalChannel, typeof(bool), external) }
            : null;
        return (request, sendOptions);
    }

    private static T? Get<T>(AdditionalPropertiesDictionary properties, string key)
        where T : class =>
        !properties.TryGetValue(key, out var value) || value is null ? null : value as T ?? throw WrongType(key, typeof(T), value);

    private static ArgumentException WrongType(string key, Type expected, object value, string parameterName = "options") =>
        new($"ChatOptions.AdditionalProperties[\"{key}\"] holds a {value.GetType().Name}; set it to a {expected.Name}.", parameterName);
}

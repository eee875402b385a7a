using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Options of a chatbot endpoint answered by an <see cref="IChatClient"/>: what the model is told, how the enquiry's
/// history and context reach it, and which CINNOX actions it may call as tools.
/// </summary>
public sealed class ChatClientChatbotOptions
{
    /// <summary>The default <see cref="MaxHistoryMessages"/>: 20.</summary>
    public const int DefaultMaxHistoryMessages = 20;

    /// <summary>
    /// Gets or sets the instructions (system prompt) the model gets first on every request, or
    /// <see langword="null"/> for none.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public string? Instructions { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the enquiry's context fields (<c>visitorName</c>, <c>channelType</c>,
    /// ...) are described to the model in a system message after the <see cref="Instructions"/>.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    /// <remarks>
    /// The description is one line per field that is set, <c>- visitorName: Ann Lee</c>, under the heading
    /// "About this enquiry:"; <see cref="DescribeContext"/> replaces it. Nothing is added when no field is set.
    /// </remarks>
    public bool IncludeContext { get; set; } = true;

    /// <summary>
    /// Gets or sets a function that describes the request's context to the model in its own words, or
    /// <see langword="null"/> for the default description. Returning <see langword="null"/> or an empty string adds
    /// nothing. Used only when <see cref="IncludeContext"/> is on.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public Func<ChatbotRequestContext, string?>? DescribeContext { get; set; }

    /// <summary>
    /// Gets or sets how many earlier messages of the enquiry (visitor and bot, oldest dropped first) are sent to the
    /// model with each request; 0 sends none. Requests without <c>inquiryID</c> have no history.
    /// </summary>
    /// <value><see cref="DefaultMaxHistoryMessages"/> (20).</value>
    public int MaxHistoryMessages { get; set; } = DefaultMaxHistoryMessages;

    /// <summary>
    /// Gets or sets where the enquiries' histories are kept, or <see langword="null"/> for the
    /// <see cref="IChatbotHistoryStore"/> registered with dependency injection, and failing that an
    /// <see cref="InMemoryChatbotHistoryStore"/> with its defaults for this endpoint alone.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public IChatbotHistoryStore? HistoryStore { get; set; }

    /// <summary>Gets or sets the CINNOX actions the model may call as tools.</summary>
    /// <value><see cref="ChatbotActionTools.None"/>: tools are only offered when asked for, since not every model supports them.</value>
    public ChatbotActionTools ActionTools { get; set; }

    /// <summary>
    /// Gets or sets the chat options every request starts from (model id, temperature, tools of your own, ...), cloned
    /// per request, or <see langword="null"/> to start from empty options.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>
    /// Gets or sets a callback that adjusts each request's chat options, after <see cref="ChatOptions"/> and the
    /// action tools are in place, or <see langword="null"/> for none.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public Action<ChatbotRequestContext, ChatOptions>? ConfigureChatOptions { get; set; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names the property.</exception>
    internal void Validate()
    {
        if (MaxHistoryMessages < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHistoryMessages), MaxHistoryMessages,
                $"{nameof(ChatClientChatbotOptions)}.{nameof(MaxHistoryMessages)} must be 0 or more.");
        }

        if ((ActionTools & ~ChatbotActionTools.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ActionTools), ActionTools,
                $"{nameof(ChatClientChatbotOptions)}.{nameof(ActionTools)} holds a value that is not a {nameof(ChatbotActionTools)} flag.");
        }
    }
}

using System.Runtime.CompilerServices;
using Cinnox.Chatbot;
using Cinnox.Chatbot.Server;

namespace Cinnox.Chatbot.Samples;

/// <summary>
/// A reference CINNOX General Chatbot: one endpoint that shows every kind of reply the toolkit can make.
/// </summary>
/// <remarks>
/// <para>Queries (trimmed, any case) and their replies:</para>
/// <list type="table">
/// <item><term><c>agent</c></term><description><c>DIRECT_TRANSFER</c>: hand the enquiry to a live agent.</description></item>
/// <item><term><c>bye</c></term><description><c>CLOSE_ENQUIRY</c>: close the enquiry.</description></item>
/// <item><term><c>card</c></term><description>A bubble with text, an image and two buttons.</description></item>
/// <item><term><c>menu</c></term><description>A quick reply.</description></item>
/// <item><term><c>list</c></term><description>A list.</description></item>
/// <item><term><c>carousel</c></term><description>A carousel of three bubbles.</description></item>
/// <item><term><c>whoami</c></term><description>A text naming the visitor, the channel type and the URL parameters' keys.</description></item>
/// <item><term>anything else</term><description>
/// <c>You said: &lt;query&gt;</c>, streamed word by word with a short pause between words (like an LLM) when the
/// platform accepts Server-Sent Events, one JSON text otherwise.
/// </description></item>
/// </list>
/// <para>
/// <see cref="AddServices"/> and <see cref="Map"/> are all a host needs, so tests host the very same bot in-process.
/// </para>
/// </remarks>
public static class ShowcaseBot
{
    /// <summary>The path the bot is served on.</summary>
    public const string Path = "/chatbot";

    /// <summary>The environment variable holding the API key; when set, requests must carry <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public const string ApiKeyVariable = "CHATBOT_API_KEY";

    /// <summary>The pause between streamed words.</summary>
    public static readonly TimeSpan WordPause = TimeSpan.FromMilliseconds(80);

    private const string ImageBase = "https://static.example.com/showcase/";

    /// <summary>Registers the toolkit's options: the API key, when there is one.</summary>
    /// <param name="services">The services.</param>
    /// <param name="apiKey">The API key requests must carry, or null or empty to let every request in.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddServices(IServiceCollection services, string? apiKey) =>
        services.AddCinnoxChatbotServer(options =>
        {
            if (!string.IsNullOrEmpty(apiKey))
            {
                options.RequireBearerToken(apiKey);
            }
        });

    /// <summary>Maps the bot's endpoint.</summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="pattern">The route.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern = Path) =>
        endpoints.MapCinnoxChatbot(pattern, Reply);

    /// <summary>Answers one request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The reply.</returns>
    public static ChatbotServerReply Reply(ChatbotRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Query.Trim().ToUpperInvariant() switch
        {
            "AGENT" => ChatbotReplies.DirectTransfer(),
            "BYE" => ChatbotReplies.CloseEnquiry(),
            "CARD" => Card(),
            "MENU" => Menu(),
            "LIST" => List(),
            "CAROUSEL" => Carousel(),
            "WHOAMI" => WhoAmI(context),
            _ => Echo(context),
        };
    }

    private static ChatbotServerReply Card() => ChatbotReplies.Advanced(message => message
        .AddBubble(bubble => bubble
            .AddText(title: "CINNOX Showcase", text: "A bubble: text first, then media, then buttons.", footer: "Try 'menu' for more")
            .AddImage(ImageBase + "card.png")
            .AddPostbackButton("Show the menu", "menu")
            .AddUrlButton("Visit the website", "https://www.cinnox.com")));

    private static ChatbotServerReply Menu() => ChatbotReplies.Advanced(message => message
        .AddBubble(bubble => bubble.AddText(text: "What would you like to see?"))
        .AddQuickReply(reply => reply
            .AddPostbackButton("A card", "card")
            .AddPostbackButton("A list", "list")
            .AddPostbackButton("A carousel", "carousel")
            .AddButton("Talk to an agent", ButtonAction.DirectTransfer())));

    private static ChatbotServerReply List() => ChatbotReplies.Advanced(message => message
        .AddList("Showcase", "Every reply this bot can make", list => list
            .AddEntry("Card", "A bubble with text, an image and two buttons", ButtonAction.Postback("card"), ImageBase + "card.png")
            .AddEntry("Carousel", "Several bubbles side by side", ButtonAction.Postback("carousel"), ImageBase + "carousel.png")
            .AddEntry("Who am I?", "What the platform told the bot about you", ButtonAction.Postback("whoami"))));

    private static ChatbotServerReply Carousel() => ChatbotReplies.Advanced(message => message
        .AddCarousel(carousel => carousel
            .AddBubble(bubble => bubble
                .AddText(title: "Plan S", text: "For small teams")
                .AddImage(ImageBase + "plan-s.png")
                .AddPostbackButton("Choose S", "I choose plan S"))
            .AddBubble(bubble => bubble
                .AddText(title: "Plan M", text: "For growing teams")
                .AddImage(ImageBase + "plan-m.png")
                .AddPostbackButton("Choose M", "I choose plan M"))
            .AddBubble(bubble => bubble
                .AddText(title: "Plan L", text: "For contact centres")
                .AddImage(ImageBase + "plan-l.png")
                .AddUrlButton("Contact sales", "https://www.cinnox.com/contact"))));

    private static ChatbotServerReply WhoAmI(ChatbotRequestContext context)
    {
        var visitor = context.Context.VisitorName ?? "(no visitorName)";
        var channel = context.Context.ChannelType ?? "(no channelType)";
        var keys = context.QueryParams.Count == 0
            ? "(none)"
            : string.Join(", ", context.QueryParams.Keys.Order(StringComparer.Ordinal));
        return ChatbotReplies.Text($"visitorName: {visitor}; channelType: {channel}; queryParams keys: {keys}");
    }

    private static ChatbotServerReply Echo(ChatbotRequestContext context)
    {
        if (!context.AcceptsStreaming)
        {
            return ChatbotReplies.Text($"You said: {context.Query}");
        }

        var time = context.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return ChatbotReplies.Stream(WordByWord(context.Query, time, context.CancellationToken));
    }

    /// <summary>
    /// Streams <c>You said: &lt;query&gt;</c> a word at a time, each word with the space after it. Each word is cut from
    /// the query as it is sent, so a long query is never copied whole while the reply streams.
    /// </summary>
    private static async IAsyncEnumerable<string> WordByWord(string query, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return "You ";
        await Task.Delay(WordPause, time, cancellationToken).ConfigureAwait(false);
        yield return "said: ";
        for (var start = 0; ; )
        {
            await Task.Delay(WordPause, time, cancellationToken).ConfigureAwait(false);
            var space = query.IndexOf(' ', start);
            if (space < 0)
            {
                yield return query[start..];
                yield break;
            }

            yield return query[start..(space + 1)];
            start = space + 1;
        }
    }
}

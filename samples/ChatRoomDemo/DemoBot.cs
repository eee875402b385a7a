using System.Net;
using System.Runtime.CompilerServices;
using Cinnox.Chatbot;
using Cinnox.Chatbot.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRoomDemo;

/// <summary>
/// A small General Chatbot built with the server toolkit, listening on a loopback port the operating system picks.
/// It streams its answers word by word, answers "menu" with an advanced message, and hands over to a live agent
/// or closes the enquiry on request.
/// </summary>
internal sealed class DemoBot : IAsyncDisposable
{
    public const string OrderPostback = "Where is my order #1234?";

    private readonly WebApplication _app;
    private readonly TimeSpan _tokenDelay;

    private DemoBot(WebApplication app, TimeSpan tokenDelay)
    {
        _app = app;
        _tokenDelay = tokenDelay;
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<DemoBot> StartAsync(TimeSpan tokenDelay, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddCinnoxChatbotServer();
        var app = builder.Build();
        var bot = new DemoBot(app, tokenDelay);
        app.MapCinnoxChatbot("/chatbot", bot.Answer);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bot.Url = new Uri(new Uri(address), "/chatbot");
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private ChatbotServerReply Answer(ChatbotRequestContext request)
    {
        var query = request.Query.Trim();
        var name = request.Context.VisitorName?.Split(' ')[0];
        if (Mentions(query, "agent", "human", "person"))
        {
            return ChatbotReplies.DirectTransfer();
        }

        if (Mentions(query, "bye", "that's all"))
        {
            return ChatbotReplies.CloseEnquiry();
        }

        if (Mentions(query, "menu", "what else", "help", "options"))
        {
            return ChatbotReplies.Advanced(message => message
                .AddBubble(bubble => bubble
                    .AddText(title: "Spring Sale Support", text: "Here is what I can do for you right away.", footer: "Or type your question.")
                    .AddImage("https://shop.example.com/images/spring-sale.png"))
                .AddQuickReply(reply => reply
                    .AddPostbackButton("Track my order", OrderPostback)
                    .AddPostbackButton("Opening hours", "What are your opening hours?")
                    .AddUrlButton("Website", "https://shop.example.com")
                    .AddButton("Talk to an agent", ButtonAction.DirectTransfer())));
        }

        if (Mentions(query, "order", "#1234", "parcel"))
        {
            return Say("Order #1234 left our Hong Kong warehouse yesterday and is with the courier. It should reach you in Singapore on Thursday; you will get a tracking link by email.");
        }

        if (Mentions(query, "how long", "deliver"))
        {
            return Say("Standard delivery to Singapore takes 3 to 5 working days; express delivery takes 1 to 2.");
        }

        if (Mentions(query, "ship"))
        {
            return Say($"Yes{(name is null ? string.Empty : ", " + name)}! We ship to Singapore, and delivery is free on orders over 50 SGD during the spring sale.");
        }

        if (Mentions(query, "hours", "open"))
        {
            return Say("Our agents are online Monday to Saturday, 9 am to 9 pm Hong Kong time. I am here around the clock.");
        }

        return Say($"Hi{(name is null ? string.Empty : " " + name)}! I am the demo bot of this SDK. Ask me about shipping or your order, type \"menu\" for options, or ask for an agent.");
    }

    private ChatbotServerReply Say(string text) => ChatbotReplies.Stream(Words(text, _app.Services.GetRequiredService<TimeProvider>()));

    private static bool Mentions(string query, params string[] words) =>
        words.Any(word => query.Contains(word, StringComparison.OrdinalIgnoreCase));

    // The answer arrives word by word, as a language model's tokens would, so the reply visibly grows in the room.
    private async IAsyncEnumerable<string> Words(string text, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (_tokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(_tokenDelay, time, cancellationToken).ConfigureAwait(false);
            }

            yield return i == 0 ? words[i] : " " + words[i];
        }
    }
}

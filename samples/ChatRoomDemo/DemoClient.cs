using Cinnox.Chatbot;

namespace ChatRoomDemo;

/// <summary>The platform side's client of the demo bot: a <see cref="ChatbotClient"/> over an HTTP client of its own.</summary>
internal sealed class DemoClient : IDisposable
{
    private readonly HttpClient _http;

    private DemoClient(HttpClient http, IChatbotClient client)
    {
        _http = http;
        Client = client;
    }

    public IChatbotClient Client { get; }

    public static DemoClient Create(ChatbotDestination destination)
    {
        // The chatbot client enforces the destination's own time limit, so the HTTP client must not add one.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return new DemoClient(http, new ChatbotClient(http, destination));
    }

    public void Dispose() => _http.Dispose();
}

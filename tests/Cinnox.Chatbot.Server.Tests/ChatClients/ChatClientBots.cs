using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>Starts bots answered by a chat client, and makes the platform's requests to them.</summary>
internal static class ChatClientBots
{
    public static Task<BotServer> StartAsync(
        Transport transport, IChatClient chatClient, Action<ChatClientChatbotOptions>? configure = null, Action<ChatbotServerOptions>? server = null) =>
        BotServer.StartAsync(transport, app => app.MapCinnoxChatbot("/chatbot", chatClient, configure), services => services.AddCinnoxChatbotServer(server));

    /// <summary>A current-format request, from an enquiry when an id is given.</summary>
    public static HttpRequestMessage Request(string query, string? inquiryId = null, bool stream = false, string? visitorName = null)
    {
        var body = new Dictionary<string, string> { ["query"] = query };
        if (inquiryId is not null)
        {
            body["inquiryID"] = inquiryId;
        }

        if (visitorName is not null)
        {
            body["visitorName"] = visitorName;
        }

        return BotServer.Post(JsonSerializer.Serialize(body, ChatClientTestJson.Default.DictionaryStringString), stream ? "text/event-stream" : "application/json");
    }

    /// <summary>Sends a streaming request and reads its events.</summary>
    public static async Task<IReadOnlyList<SseLineReader.RawEvent>> StreamAsync(BotServer bot, HttpRequestMessage request)
    {
        var (response, events) = await EventStreams.ReadRawAsync(bot, request);
        using (response)
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
            return events;
        }
    }
}

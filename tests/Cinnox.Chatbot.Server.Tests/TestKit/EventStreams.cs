using System.Net.ServerSentEvents;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>Reads streamed replies two ways: as raw lines, and with the runtime's SSE parser.</summary>
public static class EventStreams
{
    /// <summary>Sends a request and reads the raw events of its response.</summary>
    public static async Task<(HttpResponseMessage Response, IReadOnlyList<SseLineReader.RawEvent> Events)> ReadRawAsync(BotServer bot, HttpRequestMessage request)
    {
        var response = await bot.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        return (response, await SseLineReader.ReadAllAsync(body));
    }

    /// <summary>Sends a request and reads its events with <see cref="SseParser"/>.</summary>
    public static async Task<IReadOnlyList<SseItem<string>>> ReadParsedAsync(BotServer bot, HttpRequestMessage request)
    {
        using var response = await bot.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Reads an event's data as a text message.</summary>
    public static ChatbotTextMessage Message(string data) => (ChatbotTextMessage)ChatbotJson.ParseReply(data);

    /// <summary>Joins the text of the delta events.</summary>
    public static string DeltaText(IEnumerable<SseLineReader.RawEvent> events) =>
        string.Concat(events.Where(e => !e.IsComment && e.Data != "[DONE]").Select(e => Message(e.Data)).Where(m => m.StreamType?.IsDelta == true).Select(m => m.Text));
}

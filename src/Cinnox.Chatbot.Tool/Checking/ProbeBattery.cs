using System.Text.Json;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// The requests the checker sends (docs/protocol.md#request): both body formats, context fields at the top level and nested, an empty
/// and a unicode query, a stream, an external channel, and each of the user's own queries with and without streaming.
/// </summary>
internal static class ProbeBattery
{
    /// <summary>The query of the standard probes.</summary>
    public const string Greeting = "hello";

    /// <summary>A query in several scripts, with an emoji outside the Basic Multilingual Plane and a combining accent.</summary>
    public const string UnicodeQuery = "Grüße, 你好, مرحبا 👋🏽 cafe\u0301";

    /// <summary>Builds the battery.</summary>
    /// <param name="queries">The user's own queries (such as <c>menu</c>), each sent as JSON and as a stream.</param>
    /// <param name="context">The user's context fields, added to every probe.</param>
    /// <param name="inquiryId">The enquiry id to send.</param>
    public static IReadOnlyList<Probe> Create(IReadOnlyList<string> queries, IReadOnlyList<KeyValuePair<string, string>> context, string inquiryId = "check-enquiry-1")
    {
        var probes = new List<Probe>
        {
            new("current format", Request(Greeting, context, inquiryId), ChatbotRequestFormat.Current, Stream: false, ExternalChannel: false),
            new("legacy format", Request(Greeting, context, inquiryId), ChatbotRequestFormat.Legacy, Stream: false, ExternalChannel: false),
            new("context fields at the top level", WithSampleContext(Request(Greeting, context, inquiryId)), ChatbotRequestFormat.Current, Stream: false, ExternalChannel: false),
            new("context fields nested in \"context\"", WithNestedContext(Request(Greeting, context, inquiryId)), ChatbotRequestFormat.Current, Stream: false, ExternalChannel: false),
            new("empty query", Request(string.Empty, context, inquiryId), ChatbotRequestFormat.Current, Stream: false, ExternalChannel: false),
            new("unicode query", Request(UnicodeQuery, context, inquiryId), ChatbotRequestFormat.Current, Stream: false, ExternalChannel: false),
            new("streaming requested", Request(Greeting, context, inquiryId), ChatbotRequestFormat.Current, Stream: true, ExternalChannel: false),
            new("external channel (JSON only)", WithSampleContext(Request(Greeting, context, inquiryId), "WhatsApp"), ChatbotRequestFormat.Current, Stream: true, ExternalChannel: true),
        };

        foreach (var query in queries)
        {
            probes.Add(new($"query \"{query}\"", Request(query, context, inquiryId), ChatbotRequestFormat.Current, Stream: false, ExternalChannel: false));
            probes.Add(new($"query \"{query}\", streaming requested", Request(query, context, inquiryId), ChatbotRequestFormat.Current, Stream: true, ExternalChannel: false));
        }

        return probes;
    }

    private static ChatbotRequest Request(string query, IReadOnlyList<KeyValuePair<string, string>> context, string inquiryId)
    {
        var request = new ChatbotRequest(query) { InquiryId = inquiryId };
        foreach (var (key, value) in context)
        {
            request.Context[key] = value;
        }

        return request;
    }

    private static ChatbotRequest WithSampleContext(ChatbotRequest request, string channelType = "Web Widget")
    {
        foreach (var (key, value) in SampleContext(channelType))
        {
            request.Context[key] ??= value;
        }

        return request;
    }

    private static ChatbotRequest WithNestedContext(ChatbotRequest request)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in SampleContext("Web Widget"))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        request.AdditionalProperties["context"] = document.RootElement.Clone();
        return request;
    }

    private static IEnumerable<KeyValuePair<string, string>> SampleContext(string channelType) =>
    [
        KeyValuePair.Create("tagType", "Tag"),
        KeyValuePair.Create("tagName", "Support"),
        KeyValuePair.Create("channelType", channelType),
        KeyValuePair.Create("channelName", "Website"),
        KeyValuePair.Create("visitorName", "Ada Lovelace"),
        KeyValuePair.Create("visitorPhone", "+852 5555 0100"),
    ];
}

using System.Globalization;
using System.Text.Json;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// With <c>--check-media</c>: a HEAD request per media URL the bot sent (docs/protocol.md#advanced-message), judging the served format against
/// the item's kind and the size against 20 MB.
/// </summary>
internal static class MediaChecker
{
    /// <summary>The most media URLs one check asks about.</summary>
    public const int MaxUrls = 50;

    private static readonly Dictionary<int, (string Kind, string[] Types)> Kinds = new()
    {
        [10] = ("image", ["image/jpeg", "image/jpg", "image/png", "image/webp"]),
        [11] = ("video", ["video/mp4", "video/3gpp"]),
        [13] = ("audio", ["audio/mp4", "audio/x-m4a", "audio/m4a", "audio/mpeg", "audio/mp3", "audio/wav", "audio/x-wav", "audio/wave", "audio/aac"]),
    };

    /// <summary>Finds the media items of a message: their type, URL and JSON path (in the validator's dialect, <c>$.advancedItems[0].items[1].fileUrl</c>).</summary>
    public static IEnumerable<(int Type, string Url, string Path)> FindMedia(ChatbotMessage message)
    {
        using var document = JsonDocument.Parse(ChatbotJson.SerializeReply(message));
        var found = new List<(int, string, string)>();
        Walk(document.RootElement.GetProperty("message"), "$", found);
        return found;
    }

    /// <summary>Asks about each distinct URL once.</summary>
    public static async Task<List<CheckFinding>> RunAsync(BotConnection connection, IEnumerable<(int Type, string Url, string Path, string Probe)> media, CancellationToken cancellationToken)
    {
        var findings = new List<CheckFinding>();
        using var client = connection.CreateProbeClient();
        foreach (var (type, url, path, probe) in media.DistinctBy(item => item.Url).Take(MaxUrls))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                continue; // message.invalidUrl reports it.
            }

            using var capture = WireCapture.Start(0);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var reproduce = $"curl -sS -I '{url.Replace("'", "'\\''", StringComparison.Ordinal)}'";
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, uri);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    findings.Add(new(CheckRules.MediaReachable, CheckSeverity.Warning, $"HEAD {url} answered {(int)response.StatusCode}; visitors would see a broken {Kinds[type].Kind}.", path, probe, reproduce));
                    continue;
                }

                var served = response.Content.Headers.ContentType?.MediaType;
                if (served is null || !Kinds[type].Types.Contains(served, StringComparer.OrdinalIgnoreCase))
                {
                    findings.Add(new(CheckRules.MediaFormat, CheckSeverity.Error,
                        $"{url} is served as {served ?? "(no Content-Type)"}; a {Kinds[type].Kind} item needs one of {string.Join(", ", Kinds[type].Types)}.", path, probe, reproduce));
                }

                if (response.Content.Headers.ContentLength is { } length && length > MediaItem.MaxFileBytes)
                {
                    findings.Add(new(CheckRules.MediaSize, CheckSeverity.Error,
                        $"{url} is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; the limit is {MediaItem.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} (20 MB).", path, probe, reproduce));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                findings.Add(new(CheckRules.MediaReachable, CheckSeverity.Warning, $"HEAD {url} failed: {exception.Message}", path, probe, reproduce));
            }
        }

        return findings;
    }

    private static void Walk(JsonElement element, string path, List<(int, string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.TryGetInt32(out var number) && Kinds.ContainsKey(number)
                    && element.TryGetProperty("fileUrl", out var url) && url.ValueKind == JsonValueKind.String)
                {
                    found.Add((number, url.GetString()!, path + ".fileUrl"));
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path + "." + property.Name, found);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", found);
                    index++;
                }

                break;
        }
    }
}

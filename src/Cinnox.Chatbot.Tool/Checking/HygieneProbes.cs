using System.Net.Http.Headers;
using System.Text;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// Requests the platform never sends, to see how the bot treats strangers: another method (GET) and a body that is
/// not JSON. They go through a client that never follows redirects, with the destination's headers.
/// </summary>
internal static class HygieneProbes
{
    /// <summary>The body of the malformed-request probe: JSON cut off in the middle.</summary>
    public const string MalformedBody = "{\"query\": \"hello";

    /// <summary>Sends both probes and judges the answers.</summary>
    public static async Task<List<CheckFinding>> RunAsync(BotConnection connection, CancellationToken cancellationToken)
    {
        var findings = new List<CheckFinding>();
        using var client = connection.CreateProbeClient();

        var get = await SendAsync(client, connection.Destination, HttpMethod.Get, body: null, cancellationToken).ConfigureAwait(false);
        if (get is { Exchange: { } getExchange, Status: { } getStatus })
        {
            var verdict = getStatus switch
            {
                >= 200 and < 300 => $"GET is served with {getStatus}; only POST carries a visitor's message, so answer 405 Method Not Allowed with Allow: POST.",
                >= 500 => $"GET makes the bot fail with {getStatus}; answer 405 Method Not Allowed with Allow: POST.",
                >= 300 and < 400 => $"GET is redirected ({getStatus}); answer 405 Method Not Allowed with Allow: POST.",
                _ => null,
            };
            if (verdict is not null)
            {
                findings.Add(new CheckFinding(CheckRules.HttpMethod, CheckSeverity.Warning, verdict, null, "GET instead of POST", CurlCommand.For(getExchange)));
            }
        }

        var malformed = await SendAsync(client, connection.Destination, HttpMethod.Post, MalformedBody, cancellationToken).ConfigureAwait(false);
        if (malformed is { Exchange: { } badExchange, Status: { } badStatus })
        {
            const string Probe = "body that is not JSON";
            var reproduce = CurlCommand.For(badExchange);
            if (badStatus is < 400 or >= 500)
            {
                findings.Add(new CheckFinding(CheckRules.HttpMalformedRequest, CheckSeverity.Warning,
                    $"A body that is not JSON is answered with {badStatus}; answer 400 Bad Request with a problem body naming the error.", null, Probe, reproduce));
            }

            if (badStatus >= 400 && badExchange.ResponseHeader("Content-Type")?.Split(';')[0].Trim().Equals("application/problem+json", StringComparison.OrdinalIgnoreCase) != true)
            {
                findings.Add(new CheckFinding(CheckRules.HttpProblemBody, CheckSeverity.Warning,
                    $"HTTP {badStatus} comes with Content-Type: {badExchange.ResponseHeader("Content-Type") ?? "(none)"}; describe errors with application/problem+json (RFC 7807).", null, Probe, reproduce));
            }
        }

        return findings;
    }

    private static async Task<(WireExchange? Exchange, int? Status)> SendAsync(HttpClient client, ChatbotDestination destination, HttpMethod method, string? body, CancellationToken cancellationToken)
    {
        using var capture = WireCapture.Start(64 * 1024);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(destination.Limits.TotalResponseTime);
        using var request = new HttpRequestMessage(method, destination.Url);
        foreach (var (name, value) in destination.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return (capture.Last, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // An unreachable bot is reported by the battery's own probes.
            return (capture.Last, null);
        }
    }
}

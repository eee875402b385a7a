using System.Globalization;
using System.Net;

namespace Cinnox.Chatbot;

/// <summary>
/// docs/protocol.md#hostile-bots: redirects are not followed unless the destination opts in, and then only 307 and 308 (which keep the
/// method and body) to the configured origin. The configured headers therefore never leave that origin.
/// </summary>
internal static class RedirectRules
{
    /// <summary>The longest <c>Location</c> kept on a reply.</summary>
    public const int MaxLocationLength = 2048;

    /// <summary>Marks the address a request was sent to, so a handler that followed a redirect on its own is noticed.</summary>
    public static readonly HttpRequestOptionsKey<Uri> SentUriKey = new("Cinnox.Chatbot.SentUri");

    /// <summary>Whether a status is a redirect (3xx).</summary>
    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and <= 399;

    /// <summary>
    /// Returns where to resend the request when <paramref name="response"/> is a redirect the destination lets the
    /// client follow; otherwise <see langword="null"/>.
    /// </summary>
    public static Uri? FollowableTarget(ChatbotDestination destination, Uri current, HttpResponseMessage response) =>
        destination.FollowSameOriginRedirects && Refusal(destination, current, response, out var target) is null ? target : null;

    /// <summary>Says why a redirect was not followed, for <see cref="ChatbotReply.FailureReason"/>.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="response">The 3xx response that ended the call.</param>
    /// <returns>A sentence.</returns>
    public static string DescribeNotFollowed(ChatbotDestination destination, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var head = string.Create(CultureInfo.InvariantCulture, $"The chatbot answered HTTP {status} {response.ReasonPhrase}, a redirect");
        var location = LocationOf(response);
        if (location is not null)
        {
            head += $" to '{location}'";
        }

        if (!destination.FollowSameOriginRedirects)
        {
            return head + "; redirects are not followed (a destination may opt in to same-origin 307/308 redirects with FollowSameOriginRedirects).";
        }

        var current = response.RequestMessage?.RequestUri ?? destination.Url!;
        var refusal = Refusal(destination, current, response, out _)
            ?? string.Create(CultureInfo.InvariantCulture, $"it is one redirect more than the {ChatbotDestination.MaxRedirects} a request follows");
        return head + "; it was not followed: " + refusal + ".";
    }

    /// <summary>
    /// Returns the address the response came from when the HTTP handler itself followed a redirect (its
    /// <c>AllowAutoRedirect</c> is on), or <see langword="null"/> when it came from where the client sent the request.
    /// </summary>
    public static Uri? FollowedByHandler(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        if (request?.RequestUri is not { } landed || !request.Options.TryGetValue(SentUriKey, out var sent))
        {
            return null;
        }

        return landed == sent ? null : landed;
    }

    /// <summary>The <c>Location</c> header as received (control characters replaced, shortened), or <see langword="null"/>.</summary>
    public static string? LocationOf(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Location", out var values))
        {
            return null;
        }

        var value = values.ToString();
        if (value.Length > MaxLocationLength)
        {
            value = value[..MaxLocationLength];
        }

        return HttpRules.Printable(value);
    }

    /// <summary>The origin of an absolute URL, as <c>scheme://host:port</c>.</summary>
    public static string OriginOf(Uri uri) =>
        string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}");

    private static string? Refusal(ChatbotDestination destination, Uri current, HttpResponseMessage response, out Uri? target)
    {
        target = null;
        if (response.StatusCode is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"only 307 and 308 keep the method and body, and {(int)response.StatusCode} is never followed");
        }

        var raw = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.ToString() : null;
        if (string.IsNullOrWhiteSpace(raw) || !Uri.TryCreate(current, raw.Trim(), out var resolved))
        {
            return "it has no valid Location";
        }

        if (!UriRules.IsAbsoluteHttp(resolved))
        {
            return "its Location is not an http or https URL";
        }

        if (resolved.UserInfo.Length > 0)
        {
            return "its Location carries user information";
        }

        var origin = destination.Url!;
        if (!IsSameOrigin(origin, resolved))
        {
            return $"its Location leaves the configured origin {OriginOf(origin)}";
        }

        target = resolved;
        return null;
    }

    private static bool IsSameOrigin(Uri left, Uri right) =>
        string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(left.IdnHost, right.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        left.Port == right.Port;
}

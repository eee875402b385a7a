namespace Cinnox.Chatbot;

internal static class UriRules
{
    public static bool IsAbsoluteHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);

    public static bool TryParseAbsoluteHttp(string? value, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var parsed) || !IsAbsoluteHttp(parsed))
        {
            return false;
        }

        uri = parsed;
        return true;
    }
}

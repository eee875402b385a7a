using System.Text;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// A <c>curl</c> command that sends a recorded request again. Secret-looking header values (authorization, keys,
/// tokens, cookies) are written as environment variables, such as <c>"Authorization: $CHATBOT_AUTHORIZATION"</c>,
/// so a report can be shared without leaking them.
/// </summary>
internal static class CurlCommand
{
    private static readonly string[] SecretWords = ["authorization", "key", "token", "secret", "cookie", "password", "signature", "auth"];
    private static readonly string[] Skipped = ["Content-Length", "Host", "Transfer-Encoding", "traceparent", "tracestate", "baggage", "Request-Id"];

    /// <summary>Writes the command for <paramref name="exchange"/>.</summary>
    public static string For(WireExchange exchange)
    {
        var command = new StringBuilder("curl -sS -i -N -X ").Append(exchange.Method).Append(' ').Append(Quote(exchange.Url.AbsoluteUri));
        foreach (var (name, value) in exchange.RequestHeaders)
        {
            if (Skipped.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            command.Append(" -H ").Append(IsSecret(name) ? $"\"{name}: ${EnvironmentName(name)}\"" : Quote($"{name}: {value}"));
        }

        if (exchange.RequestBody.Length > 0)
        {
            command.Append(" --data-raw ").Append(Quote(Encoding.UTF8.GetString(exchange.RequestBody)));
        }

        return command.ToString();
    }

    /// <summary>Gets whether a header's value is likely a secret.</summary>
    public static bool IsSecret(string name) => SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The environment variable a secret header's value is read from.</summary>
    public static string EnvironmentName(string header)
    {
        var name = new StringBuilder("CHATBOT_");
        foreach (var character in header)
        {
            name.Append(char.IsAsciiLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_');
        }

        return name.ToString();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

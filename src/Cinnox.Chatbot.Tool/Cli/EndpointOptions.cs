using System.CommandLine;
using System.Globalization;

namespace Cinnox.Chatbot.Tool.Cli;

/// <summary>
/// The options every command takes to reach a bot: its URL, headers, URL parameters, request format and limits.
/// Each command makes its own instance, since an option belongs to one command.
/// </summary>
internal sealed class EndpointOptions
{
    public Option<string> Url { get; } = new("--url") { Description = "The chatbot endpoint (absolute http or https URL)." };

    public Option<string[]> Headers { get; } = Many("--header", "A header sent with every request, \"Name: value\" (repeatable).");

    public Option<string[]> Parameters { get; } = Many("--param", "A URL parameter KEY=VALUE, sent in the body's queryParams (repeatable).");

    public Option<string[]> Context { get; } = Many("--context", "A context field KEY=VALUE such as visitorName (repeatable).");

    public Option<bool> Legacy { get; } = new("--legacy") { Description = "Send the legacy body {\"queryResult\":{\"queryText\":...}}." };

    public Option<string> Timeout { get; } = new("--timeout-seconds") { Description = "The total response time (default 120)." };

    public Option<string> MaxEventBytes { get; } = new("--max-event-bytes") { Description = "The largest streamed event (default 1048576)." };

    public Option<string> MaxResponseBytes { get; } = new("--max-response-bytes") { Description = "The largest response (default 4194304)." };

    public Option<bool> Telemetry { get; } = new("--otel") { Description = "Export the calls' OpenTelemetry traces and metrics to standard error." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool withLegacy = true)
    {
        command.Options.Add(Url);
        command.Options.Add(Headers);
        command.Options.Add(Parameters);
        command.Options.Add(Context);
        if (withLegacy)
        {
            command.Options.Add(Legacy);
        }

        command.Options.Add(Timeout);
        command.Options.Add(MaxEventBytes);
        command.Options.Add(MaxResponseBytes);
        command.Options.Add(Telemetry);
    }

    /// <summary>Reads the options; every problem becomes a sentence in <paramref name="errors"/>.</summary>
    public EndpointSettings Bind(ParseResult result, List<string> errors)
    {
        var settings = new EndpointSettings
        {
            Legacy = result.GetValue(Legacy),
            Telemetry = result.GetValue(Telemetry),
        };

        if (result.GetValue(Url) is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                settings.Url = uri;
            }
            else
            {
                errors.Add($"--url '{url}' is not an absolute http or https URL.");
            }
        }
        else
        {
            errors.Add("--url is required.");
        }

        foreach (var header in result.GetValue(Headers) ?? [])
        {
            AddPair("--header", header, ':', settings.Headers, errors);
        }

        foreach (var parameter in result.GetValue(Parameters) ?? [])
        {
            AddPair("--param", parameter, '=', settings.Parameters, errors);
        }

        foreach (var field in result.GetValue(Context) ?? [])
        {
            if (AddPair("--context", field, '=', settings.Context, errors) && !ChatbotEnquiryContext.IsFieldName(settings.Context[^1].Key))
            {
                errors.Add($"--context '{settings.Context[^1].Key}' is not a context field; use one of {string.Join(", ", ChatbotEnquiryContext.FieldNames)}.");
            }
        }

        if (result.GetValue(Timeout) is { } seconds)
        {
            if (double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= int.MaxValue / 1000)
            {
                settings.Timeout = TimeSpan.FromSeconds(value);
            }
            else
            {
                errors.Add($"--timeout-seconds '{seconds}' is not a positive number of seconds.");
            }
        }

        if (result.GetValue(MaxEventBytes) is { } eventBytes)
        {
            settings.MaxEventBytes = PositiveInt("--max-event-bytes", eventBytes, errors);
        }

        if (result.GetValue(MaxResponseBytes) is { } responseBytes)
        {
            settings.MaxResponseBytes = PositiveInt("--max-response-bytes", responseBytes, errors);
        }

        return settings;
    }

    /// <summary>Makes a repeatable option that takes one value each time it is given.</summary>
    public static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    private static bool AddPair(string option, string value, char separator, List<KeyValuePair<string, string>> target, List<string> errors)
    {
        var at = value.IndexOf(separator, StringComparison.Ordinal);
        if (at <= 0)
        {
            errors.Add(separator == ':'
                ? $"{option} is not of the form \"Name: value\" (the value is not shown: headers often hold secrets)."
                : $"{option} '{value}' is not of the form KEY=VALUE.");
            return false;
        }

        var key = value[..at].Trim();
        var item = value[(at + 1)..];
        target.Add(KeyValuePair.Create(key, separator == ':' ? item.Trim() : item));
        return true;
    }

    private static int? PositiveInt(string option, string value, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        errors.Add($"{option} '{value}' is not a positive whole number of bytes.");
        return null;
    }
}

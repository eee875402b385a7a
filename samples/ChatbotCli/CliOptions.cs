using System.Globalization;
using Cinnox.Chatbot;

namespace ChatbotCli;

/// <summary>The parsed command line of <c>send</c>.</summary>
internal sealed class CliOptions
{
    public const string Usage = """
        Calls a General Chatbot endpoint and shows its reply as it arrives.

        usage: ChatbotCli send --url URL --query TEXT [--stream] [--legacy]
                 [--inquiry-id ID] [--param KEY=VALUE]... [--header "Name: value"]... [--context KEY=VALUE]...
                 [--external-channel] [--timeout-seconds N] [--max-event-bytes N] [--max-response-bytes N] [--json]

          --url URL                  the chatbot endpoint (absolute http or https URL)
          --query TEXT               the visitor's message
          --stream                   ask for a streamed reply (Accept: text/event-stream)
          --legacy                   send the legacy body {"queryResult":{"queryText":...}}
          --inquiry-id ID            the enquiry id (inquiryID)
          --param KEY=VALUE          a URL parameter, sent in the body's queryParams (repeatable)
          --header "Name: value"     a header sent with the request, such as an API key (repeatable)
          --context KEY=VALUE        a context field such as visitorName or channelType (repeatable)
          --external-channel         the enquiry comes from an external omni-channel: never stream
          --timeout-seconds N        the total response time (default 120)
          --max-event-bytes N        the largest streamed event (default 1048576)
          --max-response-bytes N     the largest response (default 4194304)
          --json                     print one JSON object with the outcome instead of live text

        Exit code: 0 when the reply completed, 1 when it did not, 2 for invalid arguments (nothing is sent).
        DIRECT_TRANSFER is reported as the directTransfer action (as for a destination with live-agent transfer on).
        """;

    public Uri? Url { get; private set; }

    public string? Query { get; private set; }

    public bool Stream { get; private set; }

    public bool Legacy { get; private set; }

    public string? InquiryId { get; private set; }

    public List<KeyValuePair<string, string>> Parameters { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public List<KeyValuePair<string, string>> Context { get; } = [];

    public bool ExternalChannel { get; private set; }

    public TimeSpan? Timeout { get; private set; }

    public int? MaxEventBytes { get; private set; }

    public int? MaxResponseBytes { get; private set; }

    public bool Json { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses the arguments; returns the problems found, each a sentence for the terminal.</summary>
    public static (CliOptions Options, List<string> Errors) Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        var errors = new List<string>();
        if (args.Count == 0)
        {
            errors.Add("No command given; the command is 'send'.");
            return (options, errors);
        }

        if (args[0] is "--help" or "-h" or "help")
        {
            options.Help = true;
            return (options, errors);
        }

        if (args[0] != "send")
        {
            errors.Add($"Unknown command '{args[0]}'; the command is 'send'.");
            return (options, errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            string? Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    errors.Add($"{name} needs a value.");
                    return null;
                }

                return args[++i];
            }

            bool Once()
            {
                if (seen.Add(name))
                {
                    return true;
                }

                errors.Add($"{name} is given more than once.");
                return false;
            }

            switch (name)
            {
                case "--help" or "-h":
                    options.Help = true;
                    break;
                case "--url":
                    if (Value() is { } url && Once())
                    {
                        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                        {
                            options.Url = uri;
                        }
                        else
                        {
                            errors.Add($"--url '{url}' is not an absolute http or https URL.");
                        }
                    }

                    break;
                case "--query":
                    if (Value() is { } query && Once())
                    {
                        options.Query = query;
                    }

                    break;
                case "--inquiry-id":
                    if (Value() is { } inquiryId && Once())
                    {
                        options.InquiryId = inquiryId;
                    }

                    break;
                case "--param":
                    AddPair(name, Value(), '=', options.Parameters, errors);
                    break;
                case "--header":
                    AddPair(name, Value(), ':', options.Headers, errors);
                    break;
                case "--context":
                    if (AddPair(name, Value(), '=', options.Context, errors) && !ChatbotEnquiryContext.IsFieldName(options.Context[^1].Key))
                    {
                        errors.Add($"--context '{options.Context[^1].Key}' is not a context field; use one of {string.Join(", ", ChatbotEnquiryContext.FieldNames)}.");
                    }

                    break;
                case "--timeout-seconds":
                    if (Value() is { } seconds && Once())
                    {
                        if (double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= int.MaxValue / 1000)
                        {
                            options.Timeout = TimeSpan.FromSeconds(value);
                        }
                        else
                        {
                            errors.Add($"--timeout-seconds '{seconds}' is not a positive number of seconds.");
                        }
                    }

                    break;
                case "--max-event-bytes":
                    if (Value() is { } eventBytes && Once())
                    {
                        options.MaxEventBytes = PositiveInt(name, eventBytes, errors);
                    }

                    break;
                case "--max-response-bytes":
                    if (Value() is { } responseBytes && Once())
                    {
                        options.MaxResponseBytes = PositiveInt(name, responseBytes, errors);
                    }

                    break;
                case "--stream":
                    options.Stream = true;
                    break;
                case "--legacy":
                    options.Legacy = true;
                    break;
                case "--external-channel":
                    options.ExternalChannel = true;
                    break;
                case "--json":
                    options.Json = true;
                    break;
                default:
                    errors.Add($"Unknown option '{args[i]}'.");
                    break;
            }
        }

        if (!options.Help)
        {
            if (options.Url is null && !seen.Contains("--url"))
            {
                errors.Add("--url is required.");
            }

            if (options.Query is null && !seen.Contains("--query"))
            {
                errors.Add("--query is required.");
            }
        }

        return (options, errors);
    }

    private static bool AddPair(string option, string? value, char separator, List<KeyValuePair<string, string>> target, List<string> errors)
    {
        if (value is null)
        {
            return false;
        }

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

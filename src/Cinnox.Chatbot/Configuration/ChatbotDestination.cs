using System.Net.Http.Headers;
using System.Text;

namespace Cinnox.Chatbot;

/// <summary>
/// The configuration of one General Chatbot destination: where the bot lives, what is sent with every
/// request, and how its replies are bounded (docs/protocol.md#destination).
/// </summary>
/// <remarks>
/// <para>
/// This is an options class: set its properties, then let the client validate it once. An invalid
/// destination is rejected when a client is built with it (<see cref="EnsureValid"/> throws
/// <see cref="ChatbotConfigurationException"/>) or when the host starts (the dependency-injection
/// registration validates on start). Every message names the field and the rule.
/// </para>
/// <para>The HTTP method is always POST and cannot be configured.</para>
/// </remarks>
public sealed class ChatbotDestination
{
    /// <summary>The longest <see cref="Name"/> allowed: 50 characters.</summary>
    public const int MaxNameLength = 50;

    /// <summary>The most redirects one request follows when <see cref="FollowSameOriginRedirects"/> is on: 5.</summary>
    public const int MaxRedirects = 5;

    /// <summary>The media type that switches streaming on when it appears in an <c>Accept</c> header.</summary>
    public const string EventStreamMediaType = ChatbotMediaTypes.EventStream;

    /// <summary>Gets or sets the display name of the chatbot. Required, 1–50 characters.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the URL of the chatbot's avatar image. Optional; when set, an absolute http or https URL.</summary>
    public Uri? Avatar { get; set; }

    /// <summary>Gets or sets a free-text description of what the chatbot is for. Optional.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Gets or sets the endpoint that requests are POSTed to. Required: an absolute http or https URL.
    /// Its own query string is kept.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// Gets the key/value pairs sent in the request body as <c>queryParams</c> (they are not added to the URL).
    /// </summary>
    public IDictionary<string, string> UrlParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the HTTP headers sent with every request, such as an API key.
    /// </summary>
    /// <remarks>
    /// Header names are compared case-insensitively. Names must be HTTP tokens; values must be ASCII without
    /// CR, LF or other control characters (HTTP clients refuse anything else); and <c>Content-Type</c> and <c>Content-Length</c> belong to the client and cannot be set here. An
    /// <c>Accept</c> header that includes <c>text/event-stream</c> turns streaming on
    /// (<see cref="IsStreamingEnabled"/>). Header values are never logged.
    /// </remarks>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets a value indicating whether "Transfer Chatbot to Live Agent" is on. A
    /// <c>DIRECT_TRANSFER</c> reply only transfers the enquiry when it is.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool TransferToLiveAgent { get; set; }

    /// <summary>Gets or sets the request body format the bot expects.</summary>
    /// <value><see cref="ChatbotRequestFormat.Current"/>.</value>
    public ChatbotRequestFormat RequestFormat { get; set; } = ChatbotRequestFormat.Current;

    /// <summary>
    /// Gets or sets a value indicating whether the client follows a bot's <c>307</c> and <c>308</c> redirects that stay on
    /// the configured origin (the same scheme, host and port as <see cref="Url"/>), resending the same POST with the same
    /// body and headers, at most <see cref="MaxRedirects"/> times (docs/protocol.md#hostile-bots).
    /// </summary>
    /// <remarks>
    /// Redirects are never followed by default: a 3xx reply ends as <see cref="ChatbotOutcome.HttpError"/> with its status
    /// and <see cref="ChatbotReply.RedirectLocation"/>. Even when this is on, a redirect that would change the method
    /// (301, 302, 303), leave the origin, use a scheme other than http or https, or carry user information is not
    /// followed, so the configured <see cref="Headers"/> (which often hold secrets) are only ever sent to the configured origin.
    /// </remarks>
    /// <value><see langword="false"/>.</value>
    public bool FollowSameOriginRedirects { get; set; }

    /// <summary>Gets or sets the time and size limits of a reply.</summary>
    /// <value>The platform's defaults: 120 s, 1 MB per event, 4 MB per response.</value>
    public ChatbotLimits Limits { get; set; } = new();

    /// <summary>
    /// Gets a value indicating whether streaming is on: exactly when <see cref="Headers"/> holds an
    /// <c>Accept</c> header whose media types include <c>text/event-stream</c> (case-insensitive, possibly
    /// among other types). Removing the header turns streaming off.
    /// </summary>
    public bool IsStreamingEnabled =>
        Headers.TryGetValue("Accept", out var accept) && AcceptsEventStream(accept);

    /// <summary>
    /// Determines whether an <c>Accept</c> header value admits <c>text/event-stream</c>.
    /// </summary>
    /// <param name="acceptHeaderValue">The header value, for example <c>application/json, text/event-stream</c>.</param>
    /// <returns><see langword="true"/> when one of its media types is <c>text/event-stream</c> with a non-zero quality.</returns>
    public static bool AcceptsEventStream(string? acceptHeaderValue) => ChatbotMediaTypes.AcceptsEventStream(acceptHeaderValue);

    /// <summary>
    /// Checks every rule of the configuration and returns each one that is broken.
    /// </summary>
    /// <returns>The problems found, each naming its field; empty when the destination is valid.</returns>
    public IReadOnlyList<ChatbotValidationIssue> Validate()
    {
        var issues = new List<ChatbotValidationIssue>();

        if (string.IsNullOrWhiteSpace(Name))
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(Name), ChatbotValidationCodes.Required,
                "Name is required: give the chatbot a display name of 1 to 50 characters."));
        }
        else if (Name.Length > MaxNameLength)
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(Name), ChatbotValidationCodes.TooLong,
                $"Name is {Name.Length} characters long; shorten it to at most {MaxNameLength}."));
        }

        if (Url is null)
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(Url), ChatbotValidationCodes.Required,
                "Url is required: set the absolute http or https URL of the chatbot endpoint."));
        }
        else if (!UriRules.IsAbsoluteHttp(Url))
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(Url), ChatbotValidationCodes.InvalidUrl,
                $"Url '{Url}' is not an absolute http or https URL."));
        }

        if (Avatar is not null && !UriRules.IsAbsoluteHttp(Avatar))
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(Avatar), ChatbotValidationCodes.InvalidUrl,
                $"Avatar '{Avatar}' is not an absolute http or https URL; use one or leave Avatar unset."));
        }

        foreach (var (key, value) in UrlParameters)
        {
            if (string.IsNullOrEmpty(key))
            {
                issues.Add(ChatbotValidationIssue.Error(nameof(UrlParameters), ChatbotValidationCodes.Required,
                    "UrlParameters has an empty key; every parameter needs a name."));
            }
            else if (value is null)
            {
                issues.Add(ChatbotValidationIssue.Error($"{nameof(UrlParameters)}[{key}]", ChatbotValidationCodes.Required,
                    $"UrlParameters['{key}'] is null; use an empty string or remove the parameter."));
            }
        }

        foreach (var (name, value) in Headers)
        {
            ValidateHeader(name, value, issues);
        }

        if (Limits is null)
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(Limits), ChatbotValidationCodes.Required,
                "Limits must not be null; leave the default or set each limit."));
        }
        else
        {
            Limits.Validate(nameof(Limits) + ".", issues);
        }

        if (!Enum.IsDefined(RequestFormat))
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(RequestFormat), ChatbotValidationCodes.OutOfRange,
                $"RequestFormat {(int)RequestFormat} is not one of Current or Legacy."));
        }

        return issues;
    }

    /// <summary>
    /// Throws when the configuration breaks any rule.
    /// </summary>
    /// <exception cref="ChatbotConfigurationException">The destination is invalid; the message lists every problem with its field.</exception>
    public void EnsureValid()
    {
        var issues = Validate();
        if (issues.Count > 0)
        {
            throw new ChatbotConfigurationException(Name, issues);
        }
    }

    /// <summary>Creates a deep copy of this destination, so later changes to either do not affect the other.</summary>
    /// <returns>A new <see cref="ChatbotDestination"/> with the same settings.</returns>
    public ChatbotDestination Clone()
    {
        var copy = new ChatbotDestination
        {
            Name = Name,
            Avatar = Avatar,
            Description = Description,
            Url = Url,
            TransferToLiveAgent = TransferToLiveAgent,
            RequestFormat = RequestFormat,
            FollowSameOriginRedirects = FollowSameOriginRedirects,
            Limits = Limits?.Clone()!,
        };

        foreach (var (key, value) in UrlParameters)
        {
            copy.UrlParameters[key] = value;
        }

        foreach (var (key, value) in Headers)
        {
            copy.Headers[key] = value;
        }

        return copy;
    }

    private static void ValidateHeader(string name, string value, List<ChatbotValidationIssue> issues)
    {
        var path = $"{nameof(Headers)}[{name}]";
        if (string.IsNullOrWhiteSpace(name) || !HttpRules.IsToken(name))
        {
            issues.Add(ChatbotValidationIssue.Error(path, ChatbotValidationCodes.InvalidHeader,
                $"Header name '{HttpRules.Printable(name)}' is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)."));
            return;
        }

        if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(ChatbotValidationIssue.Error(path, ChatbotValidationCodes.ReservedHeader,
                $"Header '{name}' is set by the client itself and cannot be configured; remove it."));
            return;
        }

        if (value is null)
        {
            issues.Add(ChatbotValidationIssue.Error(path, ChatbotValidationCodes.InvalidHeader,
                $"Header '{name}' has a null value; use an empty string or remove the header."));
        }
        else if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // Never echo the value: header values often hold secrets.
            issues.Add(ChatbotValidationIssue.Error(path, ChatbotValidationCodes.InvalidHeader,
                $"Header '{name}' has a value containing CR or LF, which would split the request; remove the line break."));
        }
        else if (HttpRules.HasControlCharacters(value))
        {
            issues.Add(ChatbotValidationIssue.Error(path, ChatbotValidationCodes.InvalidHeader,
                $"Header '{name}' has a value containing control characters; remove them."));
        }
        else if (!Ascii.IsValid(value))
        {
            // HttpClient refuses to send such a value, so every call would fail as if the bot could not be reached.
            issues.Add(ChatbotValidationIssue.Error(path, ChatbotValidationCodes.InvalidHeader,
                $"Header '{name}' has a value with non-ASCII characters, which HTTP clients do not send; percent-encode or remove them."));
        }
    }
}

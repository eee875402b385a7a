using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Checks <see cref="ChatbotServerOptions"/> once, when the host starts or an endpoint is mapped. Hand-written
/// rather than DataAnnotations so the package stays trim-safe and rules across properties can be expressed.
/// </summary>
internal sealed class ChatbotServerOptionsValidator : IValidateOptions<ChatbotServerOptions>
{
    // CancellationTokenSource and timers accept at most uint.MaxValue - 1 milliseconds.
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static ChatbotServerOptionsValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, ChatbotServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Prefix = nameof(ChatbotServerOptions) + ".";

        if (options.Limits is not { } limits)
        {
            failures.Add($"{Prefix}{nameof(options.Limits)} must not be null; leave the default or set each limit.");
        }
        else
        {
            if (limits.TotalResponseTime <= TimeSpan.Zero || limits.TotalResponseTime > MaxTimer)
            {
                failures.Add($"{Prefix}Limits.{nameof(limits.TotalResponseTime)} must be a positive, finite time span (the default is 120 s).");
            }

            if (limits.MaxEventBytes < ChatbotServerOptions.MinEventBytes)
            {
                failures.Add($"{Prefix}Limits.{nameof(limits.MaxEventBytes)} is {limits.MaxEventBytes}; it must be at least {ChatbotServerOptions.MinEventBytes} bytes (the default is {ChatbotLimits.DefaultMaxEventBytes:N0}).");
            }

            if (limits.MaxResponseBytes < ChatbotServerOptions.MinResponseBytes)
            {
                failures.Add($"{Prefix}Limits.{nameof(limits.MaxResponseBytes)} is {limits.MaxResponseBytes}; it must be at least {ChatbotServerOptions.MinResponseBytes} bytes (the default is {ChatbotLimits.DefaultMaxResponseBytes:N0}).");
            }
        }

        if (options.MaxRequestBodyBytes <= 0 || options.MaxRequestBodyBytes > Array.MaxLength)
        {
            failures.Add($"{Prefix}{nameof(options.MaxRequestBodyBytes)} must be between 1 and {Array.MaxLength:N0} bytes (the default is {ChatbotServerOptions.DefaultMaxRequestBodyBytes:N0}).");
        }

        if (options.KeepAliveInterval is { } interval && (interval <= TimeSpan.Zero || interval > MaxTimer))
        {
            failures.Add($"{Prefix}{nameof(options.KeepAliveInterval)} must be a positive, finite time span, or null to send no keep-alive comments.");
        }

        if (!Enum.IsDefined(options.StreamCompletion))
        {
            failures.Add($"{Prefix}{nameof(options.StreamCompletion)} {(int)options.StreamCompletion} is not one of FinalEvent, DoneSentinel or None.");
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            ValidateApiKey(options, failures, Prefix);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when the options break a rule.</summary>
    public static void EnsureValid(ChatbotServerOptions options)
    {
        var result = Instance.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ChatbotServerOptions), result.Failures);
        }
    }

    private static bool IsToken(string? value) => value is not null && HttpRules.IsToken(value);

    private static void ValidateApiKey(ChatbotServerOptions options, List<string> failures, string prefix)
    {
        if (!IsToken(options.ApiKeyHeaderName))
        {
            failures.Add($"{prefix}{nameof(options.ApiKeyHeaderName)} must be a valid HTTP header name, such as Authorization or X-Api-Key.");
        }

        if (options.ApiKeyScheme is not null && !IsToken(options.ApiKeyScheme))
        {
            failures.Add($"{prefix}{nameof(options.ApiKeyScheme)} must be an authentication scheme such as Bearer, or null when the header holds the key alone.");
        }

        // Never echo the key: it is a secret.
        var key = options.ApiKey.AsSpan();
        if (key.ContainsAnyInRange('\0', '\u001F') || key.Contains('\u007F'))
        {
            failures.Add($"{prefix}{nameof(options.ApiKey)} contains control characters or line breaks, which cannot travel in an HTTP header; remove them.");
        }
        else if (char.IsWhiteSpace(key[0]) || char.IsWhiteSpace(key[^1]))
        {
            failures.Add($"{prefix}{nameof(options.ApiKey)} starts or ends with white space, which HTTP drops from header values; trim it.");
        }
    }
}

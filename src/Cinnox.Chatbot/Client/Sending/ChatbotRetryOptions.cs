namespace Cinnox.Chatbot;

/// <summary>
/// When and how often a request to a chatbot is sent again (docs/protocol.md#retries). Only failures that happen before any
/// reply has started are retried: connection failures, and the statuses 408, 429, 502, 503 and 504. A reply
/// that has started is never retried, because the bot may have acted on the request.
/// </summary>
/// <remarks>
/// <para>
/// The wait before attempt <c>n + 1</c> is the response's <c>Retry-After</c> (delta-seconds or an HTTP date)
/// when it has one, else <see cref="BaseDelay"/> × 2ⁿ⁻¹, capped at <see cref="MaxDelay"/>, with ±25 % jitter when
/// <see cref="UseJitter"/> is on.
/// </para>
/// <para>
/// Every attempt and every wait counts against the destination's <see cref="ChatbotLimits.TotalResponseTime"/>.
/// A retry whose wait would not end before that time runs out, or a <c>Retry-After</c> longer than
/// <see cref="MaxDelay"/>, is not made: the reply ends with the failure at hand instead.
/// </para>
/// </remarks>
public sealed class ChatbotRetryOptions
{
    /// <summary>The default <see cref="MaxRetryAttempts"/>: 2 (three attempts in all).</summary>
    public const int DefaultMaxRetryAttempts = 2;

    /// <summary>The default <see cref="BaseDelay"/>: 1 second.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default <see cref="MaxDelay"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many times a failed request may be sent again; 0 turns retries off.</summary>
    /// <value>2.</value>
    public int MaxRetryAttempts { get; set; } = DefaultMaxRetryAttempts;

    /// <summary>Gets or sets the wait before the first retry; each later wait doubles it.</summary>
    /// <value>1 second.</value>
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>Gets or sets the longest wait before a retry, whether computed or asked for by <c>Retry-After</c>.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <summary>Gets or sets a value indicating whether computed waits vary by ±25 %, so many clients do not retry in step.</summary>
    /// <value><see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>Checks the options and returns every rule that is broken.</summary>
    /// <returns>The problems found, each naming its field; empty when the options are valid.</returns>
    public IReadOnlyList<ChatbotValidationIssue> Validate()
    {
        var issues = new List<ChatbotValidationIssue>();
        if (MaxRetryAttempts is < 0 or > 10)
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(MaxRetryAttempts), ChatbotValidationCodes.OutOfRange,
                $"{nameof(MaxRetryAttempts)} must be between 0 (no retries) and 10 (the default is {DefaultMaxRetryAttempts})."));
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(1))
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(BaseDelay), ChatbotValidationCodes.OutOfRange,
                $"{nameof(BaseDelay)} must be between zero and one minute (the default is {DefaultBaseDelay.TotalSeconds:0} s)."));
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromMinutes(10))
        {
            issues.Add(ChatbotValidationIssue.Error(nameof(MaxDelay), ChatbotValidationCodes.OutOfRange,
                $"{nameof(MaxDelay)} must be at least {nameof(BaseDelay)} and at most ten minutes (the default is {DefaultMaxDelay.TotalSeconds:0} s)."));
        }

        return issues;
    }

    /// <summary>Creates a copy of these options.</summary>
    /// <returns>A new instance with the same values.</returns>
    public ChatbotRetryOptions Clone() => new()
    {
        MaxRetryAttempts = MaxRetryAttempts,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        UseJitter = UseJitter,
    };
}

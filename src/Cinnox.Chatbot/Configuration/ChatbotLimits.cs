namespace Cinnox.Chatbot;

/// <summary>
/// The time and size limits that bound one reply from a chatbot (docs/protocol.md#limits).
/// </summary>
/// <remarks>
/// The defaults are those of the CINNOX platform. A limit that is exceeded stops reading at once and
/// ends the reply with the matching <see cref="ChatbotOutcome"/>; what was received before is kept.
/// </remarks>
public sealed class ChatbotLimits
{
    /// <summary>The default <see cref="TotalResponseTime"/>: 120 seconds.</summary>
    public static readonly TimeSpan DefaultTotalResponseTime = TimeSpan.FromSeconds(120);

    // A timer (and so a CancellationTokenSource) waits at most uint.MaxValue - 1 milliseconds, about 49.7 days.
    private static readonly TimeSpan MaxTotalResponseTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>The default <see cref="FinalEventDrainTime"/>: 2 seconds.</summary>
    public static readonly TimeSpan DefaultFinalEventDrainTime = TimeSpan.FromSeconds(2);

    /// <summary>The default <see cref="MaxEventBytes"/>: 1 MB (1,048,576 bytes).</summary>
    public const int DefaultMaxEventBytes = 1024 * 1024;

    /// <summary>The default <see cref="MaxResponseBytes"/>: 4 MB (4,194,304 bytes).</summary>
    public const int DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The default <see cref="MaxAdvancedContainers"/>: 256.</summary>
    public const int DefaultMaxAdvancedContainers = 256;

    /// <summary>The default <see cref="MaxAdvancedItems"/>: 1,024.</summary>
    public const int DefaultMaxAdvancedItems = 1024;

    /// <summary>The default <see cref="MaxJsonDepth"/>: 64.</summary>
    public const int DefaultMaxJsonDepth = ChatbotJson.MaxDepth;

    /// <summary>The default <see cref="MaxWarnings"/>: 32.</summary>
    public const int DefaultMaxWarnings = 32;

    /// <summary>The default <see cref="MaxUnknownPayloadBytes"/>: 1 MB (1,048,576 bytes).</summary>
    public const int DefaultMaxUnknownPayloadBytes = 1024 * 1024;

    /// <summary>The largest <see cref="MaxJsonDepth"/> allowed: 1,000.</summary>
    public const int MaxAllowedJsonDepth = 1000;

    /// <summary>
    /// Gets or sets the longest a reply may take, from sending the request to the end of the reply: positive, and at
    /// most about 49.7 days (<see cref="uint.MaxValue"/> − 1 milliseconds, the longest a timer can wait).
    /// </summary>
    /// <value>120 seconds.</value>
    public TimeSpan TotalResponseTime { get; set; } = DefaultTotalResponseTime;

    /// <summary>
    /// Gets or sets the largest one Server-Sent Event may be: its bytes on the wire, up to and including
    /// the blank line that ends it.
    /// </summary>
    /// <value>1,048,576 bytes.</value>
    public int MaxEventBytes { get; set; } = DefaultMaxEventBytes;

    /// <summary>
    /// Gets or sets the largest a whole response body may be, comments included. It also caps JSON replies.
    /// </summary>
    /// <value>4,194,304 bytes.</value>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Gets or sets how long the client goes on reading a stream after an event has completed the message (a
    /// <c>streamType</c> of <c>final</c>, <c>done</c> and the like). Events that arrive meanwhile are ignored with a
    /// warning (docs/protocol.md#streaming-replies). A bot that keeps the stream open longer is not waited for: the client stops reading, closes
    /// the connection, and the reply completes with a <see cref="ChatbotWarningCodes.StreamKeptOpen"/> warning.
    /// <c>data: [DONE]</c> still ends the stream at once. Zero stops reading as soon as the message is complete.
    /// </summary>
    /// <remarks>Only the client uses this limit; the server toolkit ends its streams itself.</remarks>
    /// <value>2 seconds.</value>
    public TimeSpan FinalEventDrainTime { get; set; } = DefaultFinalEventDrainTime;

    /// <summary>
    /// Gets or sets the most advanced containers one message may hold, carousel bubbles and unknown containers included
    /// (docs/protocol.md#hostile-bots). Counted while reading: one more ends the reply as <see cref="ChatbotOutcome.InvalidResponse"/>.
    /// </summary>
    /// <value>256.</value>
    public int MaxAdvancedContainers { get; set; } = DefaultMaxAdvancedContainers;

    /// <summary>
    /// Gets or sets the most advanced items one message may hold in all, a button's own items and unknown items
    /// included (docs/protocol.md#hostile-bots). Counted while reading: one more ends the reply as <see cref="ChatbotOutcome.InvalidResponse"/>.
    /// </summary>
    /// <value>1,024.</value>
    public int MaxAdvancedItems { get; set; } = DefaultMaxAdvancedItems;

    /// <summary>
    /// Gets or sets the deepest nesting of JSON objects and arrays a reply or a streamed event may have: 1 to
    /// <see cref="MaxAllowedJsonDepth"/>. Deeper JSON is <see cref="ChatbotOutcome.InvalidResponse"/> (a streamed event
    /// is skipped with a warning).
    /// </summary>
    /// <value>64.</value>
    public int MaxJsonDepth { get; set; } = DefaultMaxJsonDepth;

    /// <summary>
    /// Gets or sets the most warnings a reply keeps one by one; the rest are counted in one last
    /// <see cref="ChatbotWarningCodes.WarningsSuppressed"/> warning.
    /// </summary>
    /// <value>32.</value>
    public int MaxWarnings { get; set; } = DefaultMaxWarnings;

    /// <summary>
    /// Gets or sets the most bytes of JSON a reply may have kept as it is: unknown messages, containers, items and
    /// actions, and the names and values of unknown properties (<c>AdditionalProperties</c>), counted as their bytes
    /// in the body while reading (docs/protocol.md#hostile-bots). One byte more ends the reply as <see cref="ChatbotOutcome.InvalidResponse"/>.
    /// </summary>
    /// <value>1,048,576 bytes.</value>
    public int MaxUnknownPayloadBytes { get; set; } = DefaultMaxUnknownPayloadBytes;

    /// <summary>Creates a copy of these limits.</summary>
    /// <returns>A new <see cref="ChatbotLimits"/> with the same values.</returns>
    public ChatbotLimits Clone() => new()
    {
        TotalResponseTime = TotalResponseTime,
        FinalEventDrainTime = FinalEventDrainTime,
        MaxEventBytes = MaxEventBytes,
        MaxResponseBytes = MaxResponseBytes,
        MaxAdvancedContainers = MaxAdvancedContainers,
        MaxAdvancedItems = MaxAdvancedItems,
        MaxJsonDepth = MaxJsonDepth,
        MaxWarnings = MaxWarnings,
        MaxUnknownPayloadBytes = MaxUnknownPayloadBytes,
    };

    internal void Validate(string prefix, List<ChatbotValidationIssue> issues)
    {
        if (TotalResponseTime <= TimeSpan.Zero || TotalResponseTime > MaxTotalResponseTime)
        {
            issues.Add(ChatbotValidationIssue.Error(prefix + nameof(TotalResponseTime), ChatbotValidationCodes.OutOfRange,
                $"{nameof(TotalResponseTime)} must be a positive time span of at most {MaxTotalResponseTime.TotalDays:0.#} days, the longest a timer can wait (the default is {DefaultTotalResponseTime.TotalSeconds:0} s)."));
        }

        if (FinalEventDrainTime < TimeSpan.Zero || FinalEventDrainTime > MaxTotalResponseTime)
        {
            issues.Add(ChatbotValidationIssue.Error(prefix + nameof(FinalEventDrainTime), ChatbotValidationCodes.OutOfRange,
                $"{nameof(FinalEventDrainTime)} must be zero or a positive time span of at most {MaxTotalResponseTime.TotalDays:0.#} days (the default is {DefaultFinalEventDrainTime.TotalSeconds:0} s)."));
        }

        if (MaxEventBytes <= 0)
        {
            issues.Add(ChatbotValidationIssue.Error(prefix + nameof(MaxEventBytes), ChatbotValidationCodes.OutOfRange,
                $"{nameof(MaxEventBytes)} must be a positive number of bytes (the default is {DefaultMaxEventBytes:N0})."));
        }

        if (MaxResponseBytes <= 0)
        {
            issues.Add(ChatbotValidationIssue.Error(prefix + nameof(MaxResponseBytes), ChatbotValidationCodes.OutOfRange,
                $"{nameof(MaxResponseBytes)} must be a positive number of bytes (the default is {DefaultMaxResponseBytes:N0})."));
        }

        RequirePositive(prefix, nameof(MaxAdvancedContainers), MaxAdvancedContainers, DefaultMaxAdvancedContainers, issues);
        RequirePositive(prefix, nameof(MaxAdvancedItems), MaxAdvancedItems, DefaultMaxAdvancedItems, issues);
        RequirePositive(prefix, nameof(MaxWarnings), MaxWarnings, DefaultMaxWarnings, issues);
        RequirePositive(prefix, nameof(MaxUnknownPayloadBytes), MaxUnknownPayloadBytes, DefaultMaxUnknownPayloadBytes, issues);
        if (MaxJsonDepth is <= 0 or > MaxAllowedJsonDepth)
        {
            issues.Add(ChatbotValidationIssue.Error(prefix + nameof(MaxJsonDepth), ChatbotValidationCodes.OutOfRange,
                $"{nameof(MaxJsonDepth)} must be from 1 to {MaxAllowedJsonDepth:N0} (the default is {DefaultMaxJsonDepth})."));
        }
    }

    private static void RequirePositive(string prefix, string name, int value, int defaultValue, List<ChatbotValidationIssue> issues)
    {
        if (value <= 0)
        {
            issues.Add(ChatbotValidationIssue.Error(prefix + name, ChatbotValidationCodes.OutOfRange,
                $"{name} must be a positive number (the default is {defaultValue:N0})."));
        }
    }
}

using System.Globalization;
using Cinnox.Chatbot.Tool.Connecting;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// Judges one reply against the protocol (docs/protocol.md): its outcome, the SDK reader's warnings, the SDK validator's issues (their codes
/// and JSON paths), keywords, and for a stream what <see cref="StreamJudge"/> sees on the wire.
/// </summary>
internal static class ReplyJudge
{
    /// <summary>Judges a reply.</summary>
    /// <param name="probe">The probe's name, for the report.</param>
    /// <param name="reply">The SDK's reply.</param>
    /// <param name="exchange">What crossed the wire, when recorded.</param>
    /// <param name="streamRequested">Whether the request asked for a stream.</param>
    public static List<CheckFinding> Judge(string probe, ChatbotReply reply, WireExchange? exchange, bool streamRequested)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var findings = new List<CheckFinding>();
        var reproduce = exchange is null ? null : CurlCommand.For(exchange);
        void Add(CheckRule rule, string message, string? path = null, CheckSeverity? severity = null) =>
            findings.Add(new CheckFinding(rule, severity ?? rule.Severity, message, path, probe, reproduce));

        JudgeOutcome(reply, exchange, Add);
        foreach (var warning in reply.Warnings)
        {
            if (RuleForWarning(warning.Code) is { } rule)
            {
                Add(rule, $"{warning.Message} ({warning.Code})");
            }
        }

        if (reply.Message is { } message)
        {
            foreach (var issue in ChatbotMessageValidator.Validate(message))
            {
                var rule = issue.Severity == ChatbotValidationSeverity.Error ? CheckRules.ForValidationCode(issue.Code) : CheckRules.ReplyMessageType;
                Add(rule, issue.Message, issue.Path, issue.Severity == ChatbotValidationSeverity.Error ? CheckSeverity.Error : CheckSeverity.Warning);
            }
        }

        if (reply.Action == ChatbotAction.None && NearKeyword(reply.Text) is { } keyword)
        {
            Add(CheckRules.ReplyKeyword, $"The text \"{Cut(reply.Text.Trim())}\" is close to the keyword {keyword} but not it, so the platform shows it as text; send exactly \"{keyword}\".");
        }

        var isStream = exchange?.ResponseHeader("Content-Type") is { } type ? IsEventStream(type) : reply.Streamed;
        if (!streamRequested && (isStream || reply.Streamed))
        {
            Add(CheckRules.ChannelExternalJson, "The request asked for JSON (Accept: application/json, as for an external omni-channel) but the bot answered with a stream; answer JSON unless Accept names text/event-stream.");
        }

        if (exchange is { StatusCode: >= 200 and < 300 })
        {
            if (isStream || reply.Streamed)
            {
                StreamJudge.Judge(reply, exchange, Add);
            }
            else if (reply.Outcome == ChatbotOutcome.Completed && !IsJson(exchange.ResponseHeader("Content-Type")))
            {
                Add(CheckRules.ReplyContentType, $"The JSON reply says Content-Type: {exchange.ResponseHeader("Content-Type") ?? "(none)"}; say application/json.");
            }
        }

        return findings;
    }

    /// <summary>Gets whether a Content-Type is <c>text/event-stream</c>.</summary>
    public static bool IsEventStream(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets whether a Content-Type is JSON (<c>application/json</c> or <c>+json</c>).</summary>
    public static bool IsJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return media is not null && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static void JudgeOutcome(ChatbotReply reply, WireExchange? exchange, Action<CheckRule, string, string?, CheckSeverity?> add)
    {
        var reason = reply.FailureReason ?? "no reason given";
        switch (reply.Outcome)
        {
            case ChatbotOutcome.Completed:
                return;
            case ChatbotOutcome.HttpError when reply.StatusCode is >= 300 and < 400:
                var location = exchange?.ResponseHeader("Location");
                add(CheckRules.HttpRedirect, $"HTTP {reply.StatusCode} to {(location is null ? "(no Location)" : "'" + Cut(location) + "'")}: the platform does not follow redirects; serve the bot at the configured URL.", null, null);
                return;
            case ChatbotOutcome.HttpError:
                add(CheckRules.HttpStatus, $"HTTP {reply.StatusCode}: {reason}{(reply.ErrorBodyExcerpt is { } body ? " Body: " + Cut(body) : string.Empty)}", null, null);
                if (exchange is not null && !IsProblem(exchange.ResponseHeader("Content-Type")))
                {
                    add(CheckRules.HttpProblemBody, $"HTTP {reply.StatusCode} comes with Content-Type: {exchange.ResponseHeader("Content-Type") ?? "(none)"}; describe errors with application/problem+json (RFC 7807).", null, null);
                }

                return;
            case ChatbotOutcome.InvalidResponse:
                add(CheckRules.ReplyShape, reason, null, null);
                return;
            case ChatbotOutcome.EventTooLarge:
                add(CheckRules.LimitsEventSize, reason, null, null);
                return;
            case ChatbotOutcome.ResponseTooLarge:
                add(CheckRules.LimitsResponseSize, reason, null, null);
                return;
            case ChatbotOutcome.TimedOut:
                var first = reply.Timings.TimeToFirstByte is { } at ? at.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "never";
                add(CheckRules.LimitsTime, $"{reason} (first byte: {first}; {reply.BytesRead.ToString("N0", CultureInfo.InvariantCulture)} bytes read).", null, null);
                return;
            default:
                add(CheckRules.HttpConnection, $"{ReplyName(reply.Outcome)}: {reason}", null, null);
                return;
        }
    }

    private static CheckRule? RuleForWarning(string code) => code switch
    {
        ChatbotWarningCodes.MalformedEvent => CheckRules.StreamEventJson,
        ChatbotWarningCodes.AdvancedMessageInStream => CheckRules.StreamNoAdvanced,
        ChatbotWarningCodes.EventAfterFinal or ChatbotWarningCodes.StreamKeptOpen or ChatbotWarningCodes.AbnormalEndAfterFinal => CheckRules.StreamAfterFinal,
        ChatbotWarningCodes.UnknownStreamType => CheckRules.StreamStreamType,
        ChatbotWarningCodes.UnknownMessageType => CheckRules.ReplyMessageType,
        ChatbotWarningCodes.EmptyReply => CheckRules.ReplyShape,
        _ => null,
    };

    private static string? NearKeyword(string text)
    {
        var trimmed = text.Trim();
        foreach (var keyword in new[] { ChatbotKeywords.DirectTransfer, ChatbotKeywords.CloseEnquiry })
        {
            if (trimmed.Length > 0 && !trimmed.Equals(keyword, StringComparison.Ordinal)
                && (trimmed.Contains(keyword, StringComparison.OrdinalIgnoreCase) || trimmed.Replace(' ', '_').Equals(keyword, StringComparison.OrdinalIgnoreCase)))
            {
                return keyword;
            }
        }

        return null;
    }

    private static bool IsProblem(string? contentType) =>
        contentType?.Split(';')[0].Trim().Equals("application/problem+json", StringComparison.OrdinalIgnoreCase) == true;

    private static string ReplyName(ChatbotOutcome outcome) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    private static string Cut(string text) => text.Length > 120 ? text[..120] + "…" : text;
}

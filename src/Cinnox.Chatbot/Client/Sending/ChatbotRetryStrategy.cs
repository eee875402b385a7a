using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Cinnox.Chatbot;

/// <summary>
/// The retry strategy of a destination, configured for streaming: only failures before the response headers are sent
/// again (connection errors, 408, 429, 502, 503, 504), <c>Retry-After</c> is honoured on the client's clock, and every
/// wait fits inside the reply's total response time. It holds no attempt timeout and no hedging, so nothing can cut a
/// reply that has started, and nothing runs after a byte of a reply arrived: the strategy sees only the response
/// headers, because the client sends with <see cref="HttpCompletionOption.ResponseHeadersRead"/>.
/// </summary>
internal static class ChatbotRetryStrategy
{
    /// <summary>The name of the resilience handler a registered destination's <see cref="HttpClient"/> retries in.</summary>
    public const string HandlerName = "retry";

    /// <summary>Carries the call a request belongs to, so the strategy can keep its waits inside the call's total time.</summary>
    public static readonly HttpRequestOptionsKey<CallBudget> BudgetKey = new("Cinnox.Chatbot.CallBudget");

    /// <summary>Carries the same budget on a pipeline's context, for the attempts a client sends without the handler.</summary>
    public static readonly ResiliencePropertyKey<CallBudget?> BudgetProperty = new("Cinnox.Chatbot.CallBudget");

    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("Cinnox.Chatbot.RetryDelay");

    /// <summary>Creates the options of the retry strategy for one destination.</summary>
    /// <param name="retry">The destination's validated retry options.</param>
    /// <param name="destinationName">The destination's name, for logs.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="timeProvider">The clock that <c>Retry-After</c> dates and the time left are measured on.</param>
    public static HttpRetryStrategyOptions CreateOptions(ChatbotRetryOptions retry, string destinationName, ILogger logger, TimeProvider timeProvider) => new()
    {
        MaxRetryAttempts = retry.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Constant,
        UseJitter = false,

        // The wait is decided with the decision to retry (a Retry-After beyond MaxDelay, or past the deadline, is no
        // retry at all), and a Retry-After date is measured on the client's clock: the generator below does both.
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(retry, timeProvider, args.Outcome, args.AttemptNumber, args.Context)),
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
        OnRetry = args =>
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var inquiryId = ChatbotClientLog.InquiryIdForLog(BudgetOf(args.Context)?.InquiryId);
                var reason = Describe(args.Outcome);
                ChatbotClientLog.Retrying(logger, destinationName, inquiryId, args.RetryDelay, args.AttemptNumber + 1, reason);
            }

            return default;
        },
    };

    /// <summary>Builds the pipeline a client made without the registration retries in, around each attempt it sends.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ChatbotRetryOptions retry, string destinationName, ILogger logger, TimeProvider timeProvider) =>
        retry.MaxRetryAttempts == 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
                .AddRetry(CreateOptions(retry, destinationName, logger, timeProvider))
                .Build();

    /// <summary>
    /// Decides whether a failed attempt is sent again, and after how long. Only failures before any reply has started
    /// qualify, and only when the wait leaves time within <see cref="ChatbotLimits.TotalResponseTime"/>.
    /// </summary>
    private static bool ShouldRetry(ChatbotRetryOptions retry, TimeProvider time, Outcome<HttpResponseMessage> outcome, int attempt, ResilienceContext context)
    {
        if (attempt >= retry.MaxRetryAttempts || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        TimeSpan? retryAfter = null;
        switch (outcome)
        {
            case { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } }:
                break;
            case { Result: { } response } when IsRetriableStatus(response.StatusCode):
                retryAfter = RetryAfter(response.Headers.RetryAfter, time);
                if (retryAfter > retry.MaxDelay)
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        var delay = retryAfter ?? Backoff(retry, attempt);
        if (BudgetOf(context) is { } budget && delay >= budget.TotalResponseTime - time.GetElapsedTime(budget.StartTimestamp))
        {
            return false;
        }

        context.Properties.Set(DelayKey, delay);
        return true;
    }

    private static CallBudget? BudgetOf(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(BudgetKey, out var budget)
            ? budget
            : context.Properties.GetValue(BudgetProperty, null);

    private static bool IsRetriableStatus(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(ChatbotRetryOptions retry, int attempt)
    {
        var delay = retry.BaseDelay * Math.Pow(2, attempt);
        if (retry.UseJitter)
        {
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic strength.
            delay *= 0.75 + (Random.Shared.NextDouble() * 0.5);
#pragma warning restore CA5394
        }

        return delay > retry.MaxDelay ? retry.MaxDelay : delay;
    }

    /// <summary>Reads <c>Retry-After</c> as delta-seconds or an HTTP date, measured on the client's clock.</summary>
    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => exception.Message,
        { Result: { } response } => $"status {(int)response.StatusCode} {response.ReasonPhrase}",
        _ => "an unknown failure",
    };

    /// <summary>What the retry strategy needs to know about the call it retries: when it started and how long it may take.</summary>
    internal sealed class CallBudget(long startTimestamp, TimeSpan totalResponseTime, string? inquiryId)
    {
        public long StartTimestamp { get; } = startTimestamp;

        public TimeSpan TotalResponseTime { get; } = totalResponseTime;

        public string? InquiryId { get; } = inquiryId;
    }
}

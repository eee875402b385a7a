using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Cinnox.Chatbot;

/// <summary>
/// What every call to one destination shares: the validated configuration, the retry pipeline, logging and
/// telemetry. Built once per destination and shared by the clients made for it.
/// </summary>
internal sealed class ChatbotClientCore
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    private readonly KeyValuePair<string, string>[] _headers;
    private readonly string? _streamingAccept;
    private readonly bool _asksForEncoding;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Initializes a new instance, validating the configuration.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="retry">The retry options; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="telemetry">The instruments.</param>
    /// <param name="retriesInHandler">
    /// <see langword="true"/> when the <see cref="HttpClient"/> retries in its resilience handler (registered destinations),
    /// so the core sends each attempt once; otherwise the core retries around each attempt itself.
    /// </param>
    /// <exception cref="ChatbotConfigurationException">The destination or the retry options are invalid.</exception>
    public ChatbotClientCore(
        ChatbotDestination destination, ChatbotRetryOptions? retry, ILogger? logger, TimeProvider? timeProvider, ChatbotTelemetry telemetry, bool retriesInHandler = false)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.EnsureValid();
        retry ??= new ChatbotRetryOptions();
        var retryIssues = retry.Validate();
        if (retryIssues.Count > 0)
        {
            throw new ChatbotConfigurationException(
                ChatbotValidationException.Describe($"The retry options of chatbot destination '{destination.Name}' are invalid", retryIssues));
        }

        Destination = destination.Clone();
        Logger = logger ?? NullLogger.Instance;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Telemetry = telemetry;

        // Accept is the client's to set per request (docs/protocol.md#when-a-reply-may-stream); every other configured
        // header goes out as it is (docs/protocol.md#destination).
        _headers = [.. Destination.Headers.Where(header => !string.Equals(header.Key, "Accept", StringComparison.OrdinalIgnoreCase))];
        _streamingAccept = Destination.IsStreamingEnabled ? Destination.Headers["Accept"] : null;
        _asksForEncoding = Destination.Headers.ContainsKey("Accept-Encoding");
        _pipeline = retriesInHandler
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : ChatbotRetryStrategy.CreatePipeline(retry.Clone(), Destination.Name, Logger, TimeProvider);
    }

    public ChatbotDestination Destination { get; }

    public ChatbotLimits Limits => Destination.Limits;

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public ChatbotTelemetry Telemetry { get; }

    /// <summary>docs/protocol.md#when-a-reply-may-stream: streaming is requested only when the destination has it on and the enquiry comes from a native channel.</summary>
    public bool RequestsStream(ChatbotSendOptions? options) => _streamingAccept is not null && options?.IsExternalChannel != true;

    /// <summary>Writes the body: the destination's URL parameters overlaid by the request's own (docs/protocol.md#request).</summary>
    public byte[] SerializeRequest(ChatbotRequest request)
    {
        if (Destination.UrlParameters.Count == 0 || Destination.RequestFormat == ChatbotRequestFormat.Legacy)
        {
            return ChatbotJson.SerializeRequest(request, Destination.RequestFormat);
        }

        var merged = new ChatbotRequest(request.Query ?? string.Empty)
        {
            InquiryId = request.InquiryId,
            Action = request.Action,
            Context = request.Context,
            Format = request.Format,
        };

        foreach (var (key, value) in Destination.UrlParameters)
        {
            merged.QueryParams[key] = value;
        }

        foreach (var (key, value) in request.QueryParamsIfAny ?? [])
        {
            merged.QueryParams[key] = value;
        }

        foreach (var (name, value) in request.AdditionalPropertiesIfAny ?? [])
        {
            merged.AdditionalProperties[name] = value;
        }

        return ChatbotJson.SerializeRequest(merged, Destination.RequestFormat);
    }

    /// <summary>
    /// Sends the request, with retries for failures before any reply (docs/protocol.md#retries), and returns when the response
    /// headers have arrived. Failures come back in the outcome; nothing is thrown.
    /// </summary>
    public async ValueTask<Outcome<HttpResponseMessage>> SendAsync(
        HttpClient httpClient, byte[] body, bool stream, ChatbotRetryStrategy.CallBudget budget, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ChatbotRetryStrategy.BudgetProperty, budget);
        try
        {
            return await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        var response = await state.Core.SendFollowingRedirectsAsync(state.HttpClient, state.Body, state.Stream, state.Budget, context.CancellationToken)
                            .ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
#pragma warning disable CA1031 // Every failure becomes an outcome the retry strategy and the caller judge.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Core: this, HttpClient: httpClient, Body: body, Stream: stream, Budget: budget)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Sends one attempt. A redirect is followed only when the destination opts in, and then only a same-origin 307 or
    /// 308, resent as the same POST (docs/protocol.md#hostile-bots); any other 3xx is returned for the caller to report.
    /// </summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(
        HttpClient httpClient, byte[] body, bool stream, ChatbotRetryStrategy.CallBudget budget, CancellationToken cancellationToken)
    {
        var target = Destination.Url!;
        for (var redirects = 0; ; redirects++)
        {
            HttpResponseMessage response;
            using (var request = CreateRequest(target, body, stream, budget))
            {
                response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }

            if (redirects == ChatbotDestination.MaxRedirects ||
                !RedirectRules.IsRedirect(response.StatusCode) ||
                RedirectRules.FollowableTarget(Destination, target, response) is not { } next)
            {
                return response;
            }

            response.Dispose();
            target = next;
        }
    }

    private HttpRequestMessage CreateRequest(Uri target, byte[] body, bool stream, ChatbotRetryStrategy.CallBudget budget)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonUtf8 } },
        };
        request.Options.Set(RedirectRules.SentUriKey, target);
        request.Options.Set(ChatbotRetryStrategy.BudgetKey, budget);

        foreach (var (name, value) in _headers)
        {
            // Names and values were validated (no CR/LF, not Content-Type/Content-Length); a content header such as
            // Content-Language goes on the content.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Accept", stream ? _streamingAccept : "application/json");
        if (!_asksForEncoding)
        {
            // docs/protocol.md#hostile-bots: the client does not decode, so it asks for the body as it is (RFC 9110 §12.5.3: without
            // Accept-Encoding any coding would be acceptable) and refuses a coded one.
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
        }

        return request;
    }
}

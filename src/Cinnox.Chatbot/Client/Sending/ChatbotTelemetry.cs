using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cinnox.Chatbot;

/// <summary>
/// The client's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="ChatbotClient.DiagnosticsName"/>,
/// which OpenTelemetry and <c>dotnet-counters</c> pick up with no dependency of ours.
/// </summary>
internal sealed class ChatbotTelemetry
{
    public const string DurationName = "cinnox.chatbot.client.duration";
    public const string TimeToFirstDeltaName = "cinnox.chatbot.client.time_to_first_delta";
    public const string BodySizeName = "cinnox.chatbot.client.response.body.size";
    public const string RepliesName = "cinnox.chatbot.client.replies";

    private static readonly string? Version = typeof(ChatbotTelemetry).Assembly.GetName().Version?.ToString();

    // Outcome names as the protocol writes them (docs/protocol.md#outcomes), indexed by the enum value.
    private static readonly string[] OutcomeNames =
        ["completed", "interrupted", "timedOut", "eventTooLarge", "responseTooLarge", "httpError", "invalidResponse", "unreachable"];

    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _timeToFirstDelta;
    private readonly Histogram<long> _bodySize;
    private readonly Counter<long> _replies;

    private ChatbotTelemetry(Meter meter)
    {
        // Bucket advice: OpenTelemetry's default boundaries are milliseconds-sized and would put every call in one bucket.
        _duration = meter.CreateHistogram(DurationName, "s",
            "Time from sending a request to a chatbot to the end of its reply, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryBuckets.Seconds });
        _timeToFirstDelta = meter.CreateHistogram(TimeToFirstDeltaName, "s",
            "Time from sending a request to a chatbot to the first text of its reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryBuckets.Seconds });
        _bodySize = meter.CreateHistogram(BodySizeName, "By",
            "Body bytes read from a chatbot's reply.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TelemetryBuckets.Bytes });
        _replies = meter.CreateCounter<long>(RepliesName, "{reply}",
            "Replies from chatbots, by outcome.");
    }

    /// <summary>Gets the activity source of the client.</summary>
    public static ActivitySource Source { get; } = new(ChatbotClient.DiagnosticsName, Version);

    /// <summary>Gets the instruments on a meter of the process's own, for clients made without an <see cref="IMeterFactory"/>.</summary>
    public static ChatbotTelemetry Shared { get; } = new(new Meter(ChatbotClient.DiagnosticsName, Version));

    /// <summary>Gets the instruments on a meter from <paramref name="meterFactory"/>, or <see cref="Shared"/> without one.</summary>
    public static ChatbotTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new(meterFactory.Create(new MeterOptions(ChatbotClient.DiagnosticsName) { Version = Version }));

    /// <summary>Gets the outcome's name as the protocol writes it (docs/protocol.md#outcomes), such as <c>timedOut</c>.</summary>
    public static string NameOf(ChatbotOutcome outcome) => (uint)outcome < (uint)OutcomeNames.Length ? OutcomeNames[(int)outcome] : outcome.ToString();

    /// <summary>Starts the activity of one call, when anyone listens.</summary>
    public static Activity? StartCall(ChatbotDestination destination, string? inquiryId, bool streamingRequested)
    {
        var activity = Source.StartActivity("chatbot send", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("cinnox.chatbot.destination", destination.Name);
            activity.SetTag("cinnox.chatbot.streaming_requested", Boxed(streamingRequested));
            if (inquiryId is not null)
            {
                activity.SetTag("cinnox.chatbot.inquiry_id", inquiryId);
            }
        }

        return activity;
    }

    /// <summary>Records a finished reply on the instruments and the activity.</summary>
    public void Record(Activity? activity, ChatbotDestination destination, ChatbotReply reply)
    {
        var outcome = NameOf(reply.Outcome);

        // With no listener on any instrument (the usual case without OpenTelemetry or dotnet-counters), the tags are
        // not even built.
        if (_duration.Enabled || _replies.Enabled || _bodySize.Enabled || _timeToFirstDelta.Enabled)
        {
            var tags = new TagList
            {
                { "cinnox.chatbot.destination", destination.Name },
                { "cinnox.chatbot.outcome", outcome },
                { "cinnox.chatbot.streamed", Boxed(reply.Streamed) },
            };

            _duration.Record(reply.Timings.Total.TotalSeconds, tags);
            _replies.Add(1, tags);
            _bodySize.Record(reply.BytesRead, tags);
            if (reply.Timings.TimeToFirstDelta is { } firstDelta)
            {
                _timeToFirstDelta.Record(firstDelta.TotalSeconds, tags);
            }
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("cinnox.chatbot.outcome", outcome);
            activity.SetTag("cinnox.chatbot.streamed", Boxed(reply.Streamed));
            activity.SetTag("cinnox.chatbot.response.body.size", reply.BytesRead);
            if (reply.StatusCode is { } status)
            {
                activity.SetTag("http.response.status_code", status);
            }
        }

        if (activity is not null && !reply.IsCompleted)
        {
            activity.SetStatus(ActivityStatusCode.Error, reply.FailureReason);
        }
    }

    // A tag value is an object: one boxed instance of each bool instead of a box per reply.
    private static object Boxed(bool value) => value ? True : False;
}

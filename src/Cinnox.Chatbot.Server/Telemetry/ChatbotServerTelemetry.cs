using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// The toolkit's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="DiagnosticsName"/>, which
/// OpenTelemetry and <c>dotnet-counters</c> pick up with no dependency of ours. ASP.NET Core's own
/// <c>http.server.*</c> instruments and server span stay as they are; these add what only the toolkit knows: how a
/// reply ended, in which mode, and how its stream went.
/// </summary>
internal sealed class ChatbotServerTelemetry
{
    public const string DiagnosticsName = "Cinnox.Chatbot.Server";
    public const string RequestsName = "cinnox.chatbot.server.requests";
    public const string StreamDurationName = "cinnox.chatbot.server.stream.duration";
    public const string TimeToFirstEventName = "cinnox.chatbot.server.stream.time_to_first_event";
    public const string EventsName = "cinnox.chatbot.server.stream.events";
    public const string BodySizeName = "cinnox.chatbot.server.response.body.size";
    public const string GuardTripsName = "cinnox.chatbot.server.guard.trips";

    public const string OutcomeTag = "cinnox.chatbot.server.outcome";
    public const string ModeTag = "cinnox.chatbot.server.reply.mode";
    public const string GuardTag = "cinnox.chatbot.server.guard";
    public const string RouteTag = "http.route";
    public const string StatusCodeTag = "http.response.status_code";

    private static readonly string? Version = typeof(ChatbotServerTelemetry).Assembly.GetName().Version?.ToString();

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _streamDuration;
    private readonly Histogram<double> _timeToFirstEvent;
    private readonly Counter<long> _events;
    private readonly Histogram<long> _bodySize;
    private readonly Counter<long> _guardTrips;

    private ChatbotServerTelemetry(Meter meter)
    {
        _requests = meter.CreateCounter<long>(RequestsName, "{request}",
            "Chatbot requests the toolkit answered, by outcome and reply mode.");
        _streamDuration = meter.CreateHistogram(StreamDurationName, "s",
            "Time from the arrival of a request to the end of its streamed reply.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryBuckets.Seconds });
        _timeToFirstEvent = meter.CreateHistogram(TimeToFirstEventName, "s",
            "Time from the arrival of a request to the first event of its streamed reply.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryBuckets.Seconds });
        _events = meter.CreateCounter<long>(EventsName, "{event}",
            "Server-Sent Events written in streamed replies.");
        _bodySize = meter.CreateHistogram(BodySizeName, "By",
            "Body bytes of a reply the toolkit wrote.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TelemetryBuckets.Bytes });
        _guardTrips = meter.CreateCounter<long>(GuardTripsName, "{trip}",
            "Replies a guard ended or refused: the response limit, the time budget, or a reply too large to send.");
    }

    /// <summary>Gets the activity source of the toolkit.</summary>
    public static ActivitySource Source { get; } = new(DiagnosticsName, Version);

    /// <summary>Gets the instruments on a meter of the process's own, for hosts without an <see cref="IMeterFactory"/>.</summary>
    public static ChatbotServerTelemetry Shared { get; } = new(new Meter(DiagnosticsName, Version));

    /// <summary>Gets the instruments on a meter from <paramref name="meterFactory"/>, or <see cref="Shared"/> without one.</summary>
    public static ChatbotServerTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new(meterFactory.Create(new MeterOptions(DiagnosticsName) { Version = Version }));

    /// <summary>Starts the activity of one request, when anyone listens.</summary>
    public static Activity? StartRequest(string? route)
    {
        var activity = Source.StartActivity("chatbot reply", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true } && route is not null)
        {
            activity.SetTag(RouteTag, route);
        }

        return activity;
    }

    /// <summary>Records a finished request on the instruments and its activity.</summary>
    public void Record(Activity? activity, ChatbotServerRequestRecord record, TimeSpan elapsed, int statusCode, string? route)
    {
        // With no listener on any instrument, the tag lists (and the boxed status code) are not built at all.
        if (_requests.Enabled || _bodySize.Enabled || _streamDuration.Enabled || _events.Enabled || _timeToFirstEvent.Enabled || _guardTrips.Enabled)
        {
            RecordMetrics(record, elapsed, statusCode, route);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OutcomeTag, record.Outcome);
            activity.SetTag(ModeTag, record.Mode);
            activity.SetTag(StatusCodeTag, statusCode);
            activity.SetTag("cinnox.chatbot.server.stream.events", record.Events);
            activity.SetTag("cinnox.chatbot.server.response.body.size", record.Bytes);
            if (record.InquiryId is not null)
            {
                activity.SetTag("cinnox.chatbot.inquiry_id", record.InquiryId);
            }
        }

        if (activity is not null && record.IsFailure)
        {
            activity.SetStatus(ActivityStatusCode.Error, record.Outcome);
        }
    }

    private void RecordMetrics(ChatbotServerRequestRecord record, TimeSpan elapsed, int statusCode, string? route)
    {
        var outcome = record.Outcome;
        var mode = record.Mode;
        var tags = new TagList { { OutcomeTag, outcome }, { ModeTag, mode }, { StatusCodeTag, statusCode } };
        if (route is not null)
        {
            tags.Add(RouteTag, route);
        }

        if (record.Guard is { } guard)
        {
            _guardTrips.Add(1, new TagList { { GuardTag, guard }, { ModeTag, mode } });
        }

        if (record.Bytes > 0)
        {
            _bodySize.Record(record.Bytes, tags);
        }

        if (mode == ChatbotServerRequestRecord.EventStreamMode)
        {
            _streamDuration.Record(elapsed.TotalSeconds, tags);
            _events.Add(record.Events, tags);
            if (record.TimeToFirstEvent is { } first)
            {
                _timeToFirstEvent.Record(first.TotalSeconds, tags);
            }
        }

        // Last, so that whoever sees the request counted sees everything else about it too.
        _requests.Add(1, tags);
    }
}

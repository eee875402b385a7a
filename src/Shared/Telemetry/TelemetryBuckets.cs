namespace Cinnox.Chatbot;

/// <summary>
/// Histogram bucket advice both packages give, so OpenTelemetry's defaults (sized for milliseconds) yield useful
/// percentiles for calls measured in seconds and bodies measured in bytes.
/// </summary>
internal static class TelemetryBuckets
{
    /// <summary>Boundaries, in seconds, from a few milliseconds to the two-minute total response time.</summary>
    public static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    /// <summary>Boundaries, in bytes, from a short answer to the 4 MB response limit.</summary>
    public static readonly IReadOnlyList<long> Bytes = [128, 512, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304];
}

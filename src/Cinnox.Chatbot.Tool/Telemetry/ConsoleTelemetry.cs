using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cinnox.Chatbot.Tool.Telemetry;

/// <summary>
/// Exports the SDK's traces and metrics (<c>ActivitySource</c> and <c>Meter</c> named <c>Cinnox.Chatbot</c>) with the
/// OpenTelemetry console exporter while it lives. The exporter writes to <see cref="Console.Out"/>, so standard
/// output is pointed at the given writer (standard error) meanwhile: a <c>--json</c> result stays the only thing on stdout.
/// </summary>
internal sealed class ConsoleTelemetry : IDisposable
{
    private readonly TextWriter _previousOut;
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private ConsoleTelemetry(TextWriter target)
    {
        _previousOut = Console.Out;
        Console.SetOut(target);
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(ChatbotClient.DiagnosticsName).AddConsoleExporter().Build();
        _metrics = Sdk.CreateMeterProviderBuilder().AddMeter(ChatbotClient.DiagnosticsName).AddConsoleExporter().Build();
    }

    /// <summary>Starts exporting when <paramref name="enabled"/>; returns null otherwise.</summary>
    public static ConsoleTelemetry? StartIf(bool enabled, TextWriter target) => enabled ? new ConsoleTelemetry(target) : null;

    /// <summary>Flushes the metrics and the traces, then gives standard output back.</summary>
    public void Dispose()
    {
        _metrics.ForceFlush();
        _tracing.ForceFlush();
        _metrics.Dispose();
        _tracing.Dispose();
        Console.SetOut(_previousOut);
    }
}

using System.Text;
using System.Text.Json;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// The one object <c>--json</c> prints:
/// <c>{"passed":N,"failed":N,"warnings":N,"findings":[{"rule","severity","message","path","reproduce"}]}</c>, counted in
/// rules; findings hold failures and warnings, each message naming its probe.
/// </summary>
internal static class JsonReport
{
    public static string Write(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("passed", report.Passed);
            writer.WriteNumber("failed", report.Failed);
            writer.WriteNumber("warnings", report.Warnings);
            writer.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", finding.Rule.Id);
                writer.WriteString("severity", finding.Severity == CheckSeverity.Error ? "error" : "warning");
                writer.WriteString("message", $"{finding.Message} (probe: {finding.Probe})");
                writer.WriteString("path", finding.Path);
                writer.WriteString("reproduce", finding.Reproduce);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

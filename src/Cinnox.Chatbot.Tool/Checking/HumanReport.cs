using System.Globalization;
using System.Text;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>The report for a terminal: one line per rule, then each failure and warning with its path and a curl command.</summary>
internal static class HumanReport
{
    public static string Write(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var width = report.Rules.Max(rule => rule.Id.Length) + 2;
        foreach (var rule in report.Rules)
        {
            var label = report.Verdict(rule) switch
            {
                CheckSeverity.Error => "FAIL",
                CheckSeverity.Warning => "WARN",
                _ => "PASS",
            };
            text.Append(label).Append("  ").Append(rule.Id.PadRight(width)).AppendLine(rule.Summary);
        }

        foreach (var finding in report.Findings.OrderByDescending(finding => finding.Severity))
        {
            text.AppendLine()
                .Append(finding.Severity == CheckSeverity.Error ? "FAIL " : "WARN ").Append(finding.Rule.Id).Append(": ").AppendLine(finding.Message)
                .Append("     probe: ").AppendLine(finding.Probe);
            if (finding.Path is { } path)
            {
                text.Append("     path: ").AppendLine(path);
            }

            if (finding.Reproduce is { } reproduce)
            {
                text.Append("     reproduce: ").AppendLine(reproduce);
            }
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"{report.Passed} passed, {report.Failed} failed, {report.Warnings} warnings");
        return text.ToString();
    }
}

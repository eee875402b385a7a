using System.Globalization;
using System.Text;
using System.Xml;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>
/// A JUnit XML report for a bot's CI: one test case per rule; a failed rule is a <c>failure</c> listing each finding
/// with its path and curl command; warnings go to the case's <c>system-out</c> and do not fail the build.
/// </summary>
internal static class JUnitReport
{
    public static async Task WriteAsync(CheckReport report, Uri botUrl, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        var file = File.Create(path);
        await using (file.ConfigureAwait(false))
        {
            var xml = XmlWriter.Create(file, settings);
            await using (xml.ConfigureAwait(false))
            {
                await xml.WriteStartDocumentAsync().ConfigureAwait(false);
                xml.WriteStartElement("testsuites");
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", "cinnox-chatbot check " + botUrl.AbsoluteUri);
                xml.WriteAttributeString("tests", report.Rules.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("failures", report.Failed.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var rule in report.Rules)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", "cinnox-chatbot." + rule.Id.Split('.')[0]);
                    xml.WriteAttributeString("name", rule.Id);
                    var findings = report.Findings.Where(finding => ReferenceEquals(finding.Rule, rule)).ToList();
                    var errors = findings.Where(finding => finding.Severity == CheckSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("type", rule.Id);
                        xml.WriteAttributeString("message", errors[0].Message);
                        xml.WriteString(Describe(errors));
                        xml.WriteEndElement();
                    }

                    var warnings = findings.Where(finding => finding.Severity == CheckSeverity.Warning).ToList();
                    if (warnings.Count > 0)
                    {
                        xml.WriteElementString("system-out", "warning: " + Describe(warnings));
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                await xml.WriteEndDocumentAsync().ConfigureAwait(false);
                await xml.FlushAsync().ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static string Describe(IEnumerable<CheckFinding> findings) => string.Join(Environment.NewLine + Environment.NewLine, findings.Select(finding =>
        $"{finding.Message}{Environment.NewLine}probe: {finding.Probe}{(finding.Path is { } path ? Environment.NewLine + "path: " + path : string.Empty)}{(finding.Reproduce is { } curl ? Environment.NewLine + "reproduce: " + curl : string.Empty)}"));
}

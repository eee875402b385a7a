using System.CommandLine;
using Cinnox.Chatbot.Tool.Cli;
using Cinnox.Chatbot.Tool.Telemetry;

namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>The <c>check</c> command: conformance of any bot endpoint, with a reproduction for every violation.</summary>
internal sealed class CheckCommand : IToolCommand
{
    private readonly EndpointOptions _endpoint = new();
    private readonly Option<string[]> _queries = EndpointOptions.Many("--query", "An extra query to send, as JSON and as a stream (repeatable).");
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of the report." };
    private readonly Option<string> _junit = new("--junit") { Description = "Also write a JUnit XML report to FILE." };
    private readonly Option<bool> _checkMedia = new("--check-media") { Description = "Send a HEAD request per media URL to check its format and size." };

    public CheckCommand()
    {
        Command = new Command("check", "Checks a General Chatbot endpoint against the protocol.");
        _endpoint.AddTo(Command, withLegacy: false);
        Command.Options.Add(_queries);
        Command.Options.Add(_json);
        Command.Options.Add(_junit);
        Command.Options.Add(_checkMedia);
    }

    public Command Command { get; }

    public string Usage(string program) => $$"""
        Checks a General Chatbot endpoint against the protocol: both request formats, context fields, empty and unicode
        queries, streaming, an external channel, HTTP hygiene, the reply's shape and every message rule, the limits.

        usage: {{program}} check --url URL [--header "Name: value"]... [--param KEY=VALUE]... [--context KEY=VALUE]...
                 [--query TEXT]... [--check-media] [--json] [--junit FILE]
                 [--timeout-seconds N] [--max-event-bytes N] [--max-response-bytes N] [--otel]

          --url URL                  the chatbot endpoint (absolute http or https URL)
          --header "Name: value"     a header sent with every request, such as an API key (repeatable)
          --param KEY=VALUE          a URL parameter, sent in the body's queryParams (repeatable)
          --context KEY=VALUE        a context field added to every request (repeatable)
          --query TEXT               an extra query, such as one that makes the bot answer a card (repeatable)
          --check-media              send a HEAD request per media URL: format and the 20 MB limit
          --json                     print one JSON object {"passed","failed","warnings","findings":[...]}
          --junit FILE               also write a JUnit XML report for a CI
          --timeout-seconds N        the total response time to judge by (default 120)
          --max-event-bytes N        the largest streamed event to allow (default 1048576)
          --max-response-bytes N     the largest response to allow (default 4194304)
          --otel                     export the calls' OpenTelemetry traces and metrics to standard error

        Exit code: 0 when no rule failed (warnings allowed), 1 when one did, 2 for invalid arguments (nothing is sent).
        Secret-looking header values appear in the curl commands as $CHATBOT_<HEADER> environment variables.
        """;

    public Func<CancellationToken, Task<int>>? Bind(ParseResult result, ToolConsole console, List<string> errors)
    {
        var settings = _endpoint.Bind(result, errors);
        var queries = result.GetValue(_queries) ?? [];
        var json = result.GetValue(_json);
        var junit = result.GetValue(_junit);
        var checkMedia = result.GetValue(_checkMedia);
        if (junit is not null && (junit.Length == 0 || Directory.Exists(junit)))
        {
            errors.Add($"--junit '{junit}' is not a file path.");
        }

        if (errors.Count > 0 || settings.ToDestination("cinnox-chatbot-check", stream: false, errors) is null)
        {
            return null;
        }

        return async cancellationToken =>
        {
            CheckReport report;
            using (ConsoleTelemetry.StartIf(settings.Telemetry, console.Error))
            {
                report = await ConformanceChecker.RunAsync(settings, queries, checkMedia, TimeProvider.System,
                    probe => console.Error.WriteLine("checking: " + probe), cancellationToken).ConfigureAwait(false);
            }

            await console.Output.WriteLineAsync(json ? JsonReport.Write(report) : HumanReport.Write(report)).ConfigureAwait(false);
            if (junit is not null)
            {
                await JUnitReport.WriteAsync(report, settings.Url!, junit, cancellationToken).ConfigureAwait(false);
            }

            return report.Failed > 0 ? ToolExitCodes.Failure : ToolExitCodes.Success;
        };
    }
}

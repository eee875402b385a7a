using System.CommandLine;
using System.Globalization;
using System.Text;
using Cinnox.Chatbot.Tool.Cli;
using Cinnox.Chatbot.Tool.Connecting;
using Cinnox.Chatbot.Tool.Telemetry;

namespace Cinnox.Chatbot.Tool.Sending;

/// <summary>The <c>send</c> command: builds a destination from the arguments, calls the bot, shows the reply.</summary>
internal sealed class SendCommand : IToolCommand
{
    private readonly EndpointOptions _endpoint = new();
    private readonly Option<string> _query = new("--query") { Description = "The visitor's message." };
    private readonly Option<bool> _stream = new("--stream") { Description = "Ask for a streamed reply (Accept: text/event-stream)." };
    private readonly Option<string> _inquiryId = new("--inquiry-id") { Description = "The enquiry id (inquiryID)." };
    private readonly Option<bool> _external = new("--external-channel") { Description = "The enquiry comes from an external omni-channel: never stream." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object with the outcome instead of live text." };

    public SendCommand()
    {
        Command = new Command("send", "Calls a General Chatbot endpoint and shows its reply as it arrives.");
        _endpoint.AddTo(Command);
        Command.Options.Add(_query);
        Command.Options.Add(_stream);
        Command.Options.Add(_inquiryId);
        Command.Options.Add(_external);
        Command.Options.Add(_json);
    }

    public Command Command { get; }

    public string Usage(string program) => $$$"""
        Calls a General Chatbot endpoint and shows its reply as it arrives.

        usage: {{{program}}} send --url URL --query TEXT [--stream] [--legacy]
                 [--inquiry-id ID] [--param KEY=VALUE]... [--header "Name: value"]... [--context KEY=VALUE]...
                 [--external-channel] [--timeout-seconds N] [--max-event-bytes N] [--max-response-bytes N] [--json] [--otel]

          --url URL                  the chatbot endpoint (absolute http or https URL)
          --query TEXT               the visitor's message
          --stream                   ask for a streamed reply (Accept: text/event-stream)
          --legacy                   send the legacy body {"queryResult":{"queryText":...}}
          --inquiry-id ID            the enquiry id (inquiryID)
          --param KEY=VALUE          a URL parameter, sent in the body's queryParams (repeatable)
          --header "Name: value"     a header sent with the request, such as an API key (repeatable)
          --context KEY=VALUE        a context field such as visitorName or channelType (repeatable)
          --external-channel         the enquiry comes from an external omni-channel: never stream
          --timeout-seconds N        the total response time (default 120)
          --max-event-bytes N        the largest streamed event (default 1048576)
          --max-response-bytes N     the largest response (default 4194304)
          --json                     print one JSON object with the outcome (and the reason when it did not complete)
          --otel                     export the call's OpenTelemetry traces and metrics to standard error

        Exit code: 0 when the reply completed, 1 when it did not, 2 for invalid arguments (nothing is sent).
        DIRECT_TRANSFER is reported as the directTransfer action (as for a destination with live-agent transfer on).
        Redirects are never followed: a 3xx answer is an httpError outcome.
        """;

    public Func<CancellationToken, Task<int>>? Bind(ParseResult result, ToolConsole console, List<string> errors)
    {
        var settings = _endpoint.Bind(result, errors);
        var query = result.GetValue(_query);
        if (query is null)
        {
            errors.Add("--query is required.");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var destination = settings.ToDestination("cinnox-chatbot", result.GetValue(_stream), errors);
        if (destination is null)
        {
            return null;
        }

        var request = new ChatbotRequest(query!) { InquiryId = result.GetValue(_inquiryId) };
        foreach (var (key, value) in settings.Context)
        {
            request.Context[key] = value;
        }

        var options = new ChatbotSendOptions { IsExternalChannel = result.GetValue(_external) };
        var json = result.GetValue(_json);
        return async cancellationToken =>
        {
            using var telemetry = ConsoleTelemetry.StartIf(settings.Telemetry, console.Error);
            var connection = BotConnection.Open(destination);
            await using var disposeConnection = connection.ConfigureAwait(false);
            return json
                ? await RunJsonAsync(connection.Client, request, options, console.Output, cancellationToken).ConfigureAwait(false)
                : await RunLiveAsync(connection.Client, request, options, console.Output, cancellationToken).ConfigureAwait(false);
        };
    }

    private static async Task<int> RunJsonAsync(IChatbotClient client, ChatbotRequest request, ChatbotSendOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ChatbotReply reply;
        try
        {
            reply = await client.SendAsync(request, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled before the bot answered: still exactly one object, so scripts can rely on it.
            reply = new ChatbotReply { Outcome = ChatbotOutcome.Interrupted, FailureReason = "Cancelled before the chatbot answered." };
        }

        await output.WriteLineAsync(ReplyJson.Write(reply)).ConfigureAwait(false);
        return reply.IsCompleted ? ToolExitCodes.Success : ToolExitCodes.Failure;
    }

    private static async Task<int> RunLiveAsync(IChatbotClient client, ChatbotRequest request, ChatbotSendOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ChatbotReply? reply = null;
        var atLineStart = true;
        try
        {
            await foreach (var update in client.StreamAsync(request, options, cancellationToken).ConfigureAwait(false))
            {
                switch (update.Kind)
                {
                    case ChatbotReplyUpdateKind.Delta:
                        await output.WriteAsync(update.Text).ConfigureAwait(false);
                        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                        atLineStart = update.Text.EndsWith('\n');
                        break;
                    case ChatbotReplyUpdateKind.Replace:
                        await output.WriteLineAsync(atLineStart ? "[the final text replaces what came before]" : Environment.NewLine + "[the final text replaces what came before]").ConfigureAwait(false);
                        await output.WriteAsync(update.Text).ConfigureAwait(false);
                        atLineStart = update.Text.EndsWith('\n');
                        break;
                    case ChatbotReplyUpdateKind.Warning:
                        await output.WriteLineAsync((atLineStart ? string.Empty : Environment.NewLine) + "! warning " + update.Warning).ConfigureAwait(false);
                        atLineStart = true;
                        break;
                    case ChatbotReplyUpdateKind.Completed:
                        reply = update.Reply;
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync((atLineStart ? string.Empty : Environment.NewLine) + "outcome: interrupted (cancelled)").ConfigureAwait(false);
            return ToolExitCodes.Failure;
        }

        if (!atLineStart)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        if (reply!.Message is { } message and not ChatbotTextMessage)
        {
            await output.WriteAsync(MessageRenderer.Render(message)).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(Summary(reply)).ConfigureAwait(false);
        return reply.IsCompleted ? ToolExitCodes.Success : ToolExitCodes.Failure;
    }

    private static string Summary(ChatbotReply reply)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"outcome: {ReplyJson.Name(reply.Outcome)}");
        text.Append(reply.StatusCode is { } status ? $" (HTTP {status}" : " (no response");
        text.Append(reply.Streamed ? ", streamed)" : ")");
        if (reply.Action != ChatbotAction.None)
        {
            text.AppendLine().Append("action: ").Append(ReplyJson.Name(reply.Action));
        }

        if (reply.FailureReason is { } reason)
        {
            text.AppendLine().Append("reason: ").Append(reason);
        }

        if (reply.ErrorBodyExcerpt is { } excerpt)
        {
            text.AppendLine().Append("body: ").Append(excerpt);
        }

        var timings = reply.Timings;
        text.AppendLine().Append(CultureInfo.InvariantCulture,
            $"timings: first byte {Seconds(timings.TimeToFirstByte)}, first text {Seconds(timings.TimeToFirstDelta)}, total {Seconds(timings.Total)}; {reply.BytesRead:N0} bytes");
        return text.ToString();
    }

    private static string Seconds(TimeSpan? time) =>
        time is { } value ? value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "-";
}

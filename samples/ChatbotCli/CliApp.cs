using System.Globalization;
using System.Text;
using Cinnox.Chatbot;

namespace ChatbotCli;

/// <summary>The <c>send</c> command: builds a destination from the arguments, calls the bot, shows the reply.</summary>
internal static class CliApp
{
    public const int Completed = 0;
    public const int NotCompleted = 1;
    public const int InvalidArguments = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (options, errors) = CliOptions.Parse(args);
        if (options.Help && errors.Count == 0)
        {
            await output.WriteLineAsync(CliOptions.Usage);
            return Completed;
        }

        var destination = errors.Count == 0 ? BuildDestination(options, errors) : null;
        if (destination is null)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync("error: " + message);
            }

            await error.WriteLineAsync();
            await error.WriteLineAsync(CliOptions.Usage);
            return InvalidArguments;
        }

        var request = new ChatbotRequest(options.Query!) { InquiryId = options.InquiryId };
        foreach (var (key, value) in options.Context)
        {
            request.Context[key] = value;
        }

        var sendOptions = new ChatbotSendOptions { IsExternalChannel = options.ExternalChannel };
        using var httpClient = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new ChatbotClient(httpClient, destination);

        return options.Json
            ? await RunJsonAsync(client, request, sendOptions, output, cancellationToken)
            : await RunLiveAsync(client, request, sendOptions, output, cancellationToken);
    }

    private static ChatbotDestination? BuildDestination(CliOptions options, List<string> errors)
    {
        var destination = new ChatbotDestination
        {
            Name = "ChatbotCli",
            Url = options.Url,
            RequestFormat = options.Legacy ? ChatbotRequestFormat.Legacy : ChatbotRequestFormat.Current,

            // The tool reports what the bot asks for; whether a platform transfers is its own setting.
            TransferToLiveAgent = true,
        };

        foreach (var (key, value) in options.Parameters)
        {
            destination.UrlParameters[key] = value;
        }

        foreach (var (name, value) in options.Headers)
        {
            destination.Headers[name] = destination.Headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        if (options.Stream && !destination.IsStreamingEnabled)
        {
            destination.Headers["Accept"] = destination.Headers.TryGetValue("Accept", out var accept) && accept.Length > 0
                ? accept + ", " + ChatbotDestination.EventStreamMediaType
                : ChatbotDestination.EventStreamMediaType;
        }

        if (options.Timeout is { } timeout)
        {
            destination.Limits.TotalResponseTime = timeout;
        }

        if (options.MaxEventBytes is { } maxEventBytes)
        {
            destination.Limits.MaxEventBytes = maxEventBytes;
        }

        if (options.MaxResponseBytes is { } maxResponseBytes)
        {
            destination.Limits.MaxResponseBytes = maxResponseBytes;
        }

        foreach (var issue in destination.Validate())
        {
            errors.Add(issue.ToString());
        }

        return errors.Count == 0 ? destination : null;
    }

    private static async Task<int> RunJsonAsync(ChatbotClient client, ChatbotRequest request, ChatbotSendOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ChatbotReply reply;
        try
        {
            reply = await client.SendAsync(request, options, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancelled before the bot answered: still exactly one object, so scripts can rely on it.
            reply = new ChatbotReply { Outcome = ChatbotOutcome.Interrupted, FailureReason = "Cancelled before the chatbot answered." };
        }

        await output.WriteLineAsync(ReplyJson.Write(reply));
        return reply.IsCompleted ? Completed : NotCompleted;
    }

    private static async Task<int> RunLiveAsync(ChatbotClient client, ChatbotRequest request, ChatbotSendOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ChatbotReply? reply = null;
        var atLineStart = true;
        try
        {
            await foreach (var update in client.StreamAsync(request, options, cancellationToken))
            {
                switch (update.Kind)
                {
                    case ChatbotReplyUpdateKind.Delta:
                        await output.WriteAsync(update.Text);
                        await output.FlushAsync(cancellationToken);
                        atLineStart = update.Text.EndsWith('\n');
                        break;
                    case ChatbotReplyUpdateKind.Replace:
                        await output.WriteLineAsync(atLineStart ? "[the final text replaces what came before]" : Environment.NewLine + "[the final text replaces what came before]");
                        await output.WriteAsync(update.Text);
                        atLineStart = update.Text.EndsWith('\n');
                        break;
                    case ChatbotReplyUpdateKind.Warning:
                        await output.WriteLineAsync((atLineStart ? string.Empty : Environment.NewLine) + "! warning " + update.Warning);
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
            await output.WriteLineAsync((atLineStart ? string.Empty : Environment.NewLine) + "outcome: interrupted (cancelled)");
            return NotCompleted;
        }

        if (!atLineStart)
        {
            await output.WriteLineAsync();
        }

        if (reply!.Message is { } message and not ChatbotTextMessage)
        {
            await output.WriteAsync(MessageRenderer.Render(message));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(Summary(reply));
        return reply.IsCompleted ? Completed : NotCompleted;
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

using System.Text;
using System.Text.Json;
using Cinnox.Chatbot.Tool.Checking;
using Cinnox.Chatbot.Tool.Cli;
using Cinnox.Chatbot.Tool.Connecting;
using Cinnox.Chatbot.Tool.Sending;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>
/// Sends one visitor message to the bot through the SDK's client and relays the reply to the page as it arrives, as
/// Server-Sent Events: <c>delta</c>, <c>replace</c> and <c>warning</c> events, then one <c>done</c> event with the
/// reply (the <c>send --json</c> object), the wire and the checker's verdict.
/// </summary>
internal sealed class PlaygroundRelay(PlaygroundSettings settings, TimeProvider timeProvider)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!(context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            // Only the page's own script sends JSON without a CORS preflight the playground never answers.
            await ProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the turn as application/json.").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        var (turn, problem) = body is null ? (null, $"The body exceeds {PlaygroundTurnReader.MaxBodyBytes} bytes.") : PlaygroundTurnReader.Read(body);
        var errors = new List<string>();
        var destination = turn is null ? null : Destination(turn, errors);
        if (turn is null || destination is null)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, problem ?? string.Join(" ", errors)).ConfigureAwait(false);
            return;
        }

        var request = new ChatbotRequest(turn.Query) { InquiryId = turn.InquiryId };
        foreach (var (key, value) in settings.Endpoint.Context.Concat(turn.Context))
        {
            if (ChatbotEnquiryContext.IsFieldName(key))
            {
                request.Context[key] = value;
            }
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var connection = BotConnection.Open(destination, retries: 0, timeProvider);
        await using (connection.ConfigureAwait(false))
        {
            using var capture = WireCapture.Start(destination.Limits.MaxResponseBytes + (64 * 1024));
            ChatbotReply? reply = null;
            await foreach (var update in connection.Client.StreamAsync(request, new ChatbotSendOptions { IsExternalChannel = turn.ExternalChannel }, context.RequestAborted).ConfigureAwait(false))
            {
                switch (update.Kind)
                {
                    case ChatbotReplyUpdateKind.Delta or ChatbotReplyUpdateKind.Replace:
                        await EventAsync(response, update.Kind == ChatbotReplyUpdateKind.Delta ? "delta" : "replace", writer => writer.WriteString("text", update.Text), context.RequestAborted).ConfigureAwait(false);
                        break;
                    case ChatbotReplyUpdateKind.Warning:
                        await EventAsync(response, "warning", writer =>
                        {
                            writer.WriteString("code", update.Warning!.Code);
                            writer.WriteString("message", update.Warning.Message);
                        }, context.RequestAborted).ConfigureAwait(false);
                        break;
                    case ChatbotReplyUpdateKind.Completed:
                        reply = update.Reply;
                        break;
                }
            }

            var streamRequested = destination.IsStreamingEnabled && !turn.ExternalChannel;
            var verdict = ReplyJudge.Judge("playground", reply!, capture.Last, streamRequested);
            await EventAsync(response, "done", writer =>
            {
                writer.WritePropertyName("reply");
                using (var document = JsonDocument.Parse(ReplyJson.Write(reply!)))
                {
                    document.RootElement.WriteTo(writer);
                }

                WireJson.Write(writer, capture.Last, reply!, destination.Limits, verdict);
            }, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private ChatbotDestination? Destination(PlaygroundTurn turn, List<string> errors)
    {
        var endpoint = settings.Endpoint;
        var destination = endpoint.ToDestination("cinnox-chatbot-playground", turn.Stream, errors);
        if (destination is null)
        {
            return null;
        }

        destination.RequestFormat = turn.Legacy ? ChatbotRequestFormat.Legacy : ChatbotRequestFormat.Current;
        foreach (var (name, value) in turn.Headers)
        {
            destination.Headers[name] = value;
        }

        if (!turn.Stream)
        {
            EndpointSettings.DisableStreaming(destination);
        }

        foreach (var issue in destination.Validate())
        {
            errors.Add(issue.ToString());
        }

        return errors.Count == 0 ? destination : null;
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > PlaygroundTurnReader.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task EventAsync(HttpResponse response, string name, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.GetBytes("event: " + name + "\ndata: "));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        buffer.Write("\n\n"u8);
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("title", "The turn cannot be sent.");
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}

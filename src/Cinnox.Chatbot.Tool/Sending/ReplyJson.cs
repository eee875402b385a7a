using System.Text;
using System.Text.Json;
using Cinnox.Chatbot;

namespace Cinnox.Chatbot.Tool.Sending;

/// <summary>
/// The one JSON object <c>--json</c> prints:
/// <c>{"outcome","reason","streamed","statusCode","text","action","message","warnings"}</c>; <c>reason</c>
/// says why a reply did not complete and is null when it did.
/// </summary>
internal static class ReplyJson
{
    public static string Write(ChatbotReply reply)
    {
        var buffer = new MemoryStream();
        using (var writer = ChatbotJson.CreateWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", Name(reply.Outcome));
            writer.WriteString("reason", reply.FailureReason);
            writer.WriteBoolean("streamed", reply.Streamed);
            if (reply.StatusCode is { } status)
            {
                writer.WriteNumber("statusCode", status);
            }
            else
            {
                writer.WriteNull("statusCode");
            }

            writer.WriteString("text", reply.Text);
            writer.WriteString("action", Name(reply.Action));
            writer.WritePropertyName("message");
            if (reply.Message is { } message)
            {
                ChatbotJson.WriteMessage(writer, message);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteStartArray("warnings");
            foreach (var warning in reply.Warnings)
            {
                writer.WriteStartObject();
                writer.WriteString("code", warning.Code);
                writer.WriteString("message", warning.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The camel-case name the protocol uses (docs/protocol.md#outcomes), such as <c>timedOut</c> or <c>directTransfer</c>.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

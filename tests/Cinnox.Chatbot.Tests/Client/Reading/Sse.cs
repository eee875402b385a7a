using System.Text.Json;

namespace Cinnox.Chatbot.Tests;

/// <summary>Builds Server-Sent-Events bodies for tests, in any newline style.</summary>
internal static class Sse
{
    public const string EventStream = "text/event-stream";

    /// <summary>The newline styles the SSE grammar allows.</summary>
    public static readonly string[] Newlines = ["\n", "\r\n", "\r"];

    /// <summary>Newline style × how many bytes each read hands out (1 = trickled byte by byte).</summary>
    public static TheoryData<string, int> NewlineTrickle
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var newline in Newlines)
            {
                foreach (var chunk in new[] { 1, 2, 7, int.MaxValue })
                {
                    data.Add(Escape(newline), chunk);
                }
            }

            return data;
        }
    }

    /// <summary>The data of a text event: <c>{"message":{"type":1,"text":...,"streamType":...}}</c>.</summary>
    public static string TextData(string text, string? streamType = "delta")
    {
        var encoded = JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        return streamType is null
            ? "{\"message\":{\"type\":1,\"text\":\"" + encoded + "\"}}"
            : "{\"message\":{\"type\":1,\"text\":\"" + encoded + "\",\"streamType\":\"" + streamType + "\"}}";
    }

    /// <summary>A whole event: <c>data: ...</c> and the blank line, with <c>\n</c> newlines.</summary>
    public static string Event(string data) => $"data: {data}\n\n";

    /// <summary>A delta event.</summary>
    public static string Delta(string text) => Event(TextData(text));

    /// <summary>A terminal event.</summary>
    public static string Final(string text, string streamType = "final") => Event(TextData(text, streamType));

    /// <summary>Rewrites every <c>\n</c> of a body as another newline style.</summary>
    public static string WithNewline(string body, string escapedNewline) => body.Replace("\n", Unescape(escapedNewline), StringComparison.Ordinal);

    /// <summary>Theory data show <c>\r\n</c> as text so test names stay readable.</summary>
    public static string Escape(string newline) => newline.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Unescape(string newline) => newline.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
}

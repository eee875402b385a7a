using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Tool.Tests;

/// <summary>What the tests' bots answer with: JSON, a stream written as is, and whether a stream was asked for.</summary>
public static class BotReplies
{
    /// <summary>Answers with a JSON body, under <paramref name="contentType"/> (none when null).</summary>
    public static async Task JsonAsync(HttpContext context, string json, string? contentType = "application/json", int status = 200)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        await context.Response.WriteAsync(json);
    }

    /// <summary>Answers with a stream written as is, each part flushed, with or without the anti-buffering headers.</summary>
    public static async Task SseAsync(HttpContext context, bool antiBuffering, params string[] parts)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = "text/event-stream";
        }

        if (antiBuffering && !context.Response.HasStarted)
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
        }

        foreach (var part in parts)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(part));
            await context.Response.Body.FlushAsync();
        }
    }

    /// <summary>Gets whether the request asked for a stream.</summary>
    public static bool WantsStream(HttpContext context) => ChatbotDestination.AcceptsEventStream(context.Request.Headers.Accept.ToString());
}

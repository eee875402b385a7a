using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Writes RFC 7807 problem details. When the application registered <see cref="IProblemDetailsService"/>
/// (<c>AddProblemDetails</c>), it writes them, with the application's customizations; otherwise they are written
/// here with <see cref="Utf8JsonWriter"/>, which needs no reflection. Never an exception's message or stack trace.
/// </summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext httpContext, int statusCode, string detail)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        var (type, title) = Describe(statusCode);

        if (httpContext.RequestServices?.GetService<IProblemDetailsService>() is { } service)
        {
            var problem = new ProblemDetails { Status = statusCode, Type = type, Title = title, Detail = detail };
            if (await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false))
            {
                return;
            }
        }

        using var body = new PooledByteBuffer(512);
        using (var json = ChatbotJson.CreateWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, type);
            json.WriteString("title"u8, title);
            json.WriteNumber("status"u8, statusCode);
            json.WriteString("detail"u8, detail);
            json.WriteString("traceId"u8, Activity.Current?.Id ?? httpContext.TraceIdentifier);
            json.WriteEndObject();
        }

        response.ContentType = ContentType;
        response.ContentLength = body.Count;
        try
        {
            await response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The platform has gone; there is nobody left to tell.
        }
    }

    private static (string Type, string Title) Describe(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => ("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request"),
        StatusCodes.Status401Unauthorized => ("https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized"),
        StatusCodes.Status405MethodNotAllowed => ("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method Not Allowed"),
        StatusCodes.Status413PayloadTooLarge => ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
        StatusCodes.Status415UnsupportedMediaType => ("https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type"),
        StatusCodes.Status503ServiceUnavailable => ("https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable"),
        _ => ("https://tools.ietf.org/html/rfc9110#section-15.6.1", "An error occurred while processing your request."),
    };
}

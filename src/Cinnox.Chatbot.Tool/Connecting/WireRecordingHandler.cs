namespace Cinnox.Chatbot.Tool.Connecting;

/// <summary>
/// Records each request and response into the caller's <see cref="WireCapture"/>, if there is one; otherwise it
/// only passes them on.
/// </summary>
internal sealed class WireRecordingHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (WireCapture.Current is not { } capture)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var started = timeProvider.GetTimestamp();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(header => KeyValuePair.Create(header.Key, string.Join(", ", header.Value)))
            .ToArray();
        var exchange = new WireExchange(request.Method.Method, request.RequestUri!, headers, body, capture.MaxBodyBytes);
        capture.Add(exchange);

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            exchange.Failure = exception.Message;
            throw;
        }

        exchange.StatusCode = (int)response.StatusCode;
        exchange.ResponseAt = timeProvider.GetElapsedTime(started);
        exchange.ResponseHeaders = response.Headers.Concat(response.Content.Headers)
            .Select(header => KeyValuePair.Create(header.Key, string.Join(", ", header.Value)))
            .ToArray();
        response.Content = new RecordingContent(response.Content, exchange, timeProvider, started);
        return response;
    }
}

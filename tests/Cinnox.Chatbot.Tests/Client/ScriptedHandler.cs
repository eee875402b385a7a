using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

/// <summary>An HTTP handler whose answers a test scripts, recording every request it was sent.</summary>
internal sealed class ScriptedHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Body(Stream body, string? mediaType = "text/event-stream", HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new StreamContent(body);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return new HttpResponseMessage(status) { Content = content };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return await respond(recorded, cancellationToken);
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);

/// <summary>A response body the test writes as it goes, which records whether the client let go of it.</summary>
internal sealed class LiveBody
{
    private readonly Pipe _pipe = new();

    public LiveBody() => Stream = new TrackingStream(_pipe.Reader.AsStream());

    public TrackingStream Stream { get; }

    public bool Disposed => Stream.Disposed;

    private long _written;

    public async Task WriteAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Interlocked.Add(ref _written, bytes.Length);
        await _pipe.Writer.WriteAsync(bytes);
    }

    /// <summary>Waits until the client has read everything written so far and is waiting for more.</summary>
    public Task CaughtUpAsync() => Waiting.UntilAsync(
        () => Stream.BytesRead == Interlocked.Read(ref _written) && Stream.ReadsInFlight == 1,
        because: "the client read everything written and asked for more");

    public void Complete() => _pipe.Writer.Complete();

    public void Fail(Exception exception) => _pipe.Writer.Complete(exception);
}

internal sealed class TrackingStream(Stream inner) : ReadOnlyStream
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesRead;
    private int _readsInFlight;

    public bool Disposed => _disposed.Task.IsCompleted;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public int ReadsInFlight => Volatile.Read(ref _readsInFlight);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _readsInFlight);
        try
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Interlocked.Add(ref _bytesRead, read);
            return read;
        }
        finally
        {
            Interlocked.Decrement(ref _readsInFlight);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.TrySetResult();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

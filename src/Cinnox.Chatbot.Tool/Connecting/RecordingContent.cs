using System.Net;

namespace Cinnox.Chatbot.Tool.Connecting;

/// <summary>A response body that records what is read from it, passing every byte on unchanged.</summary>
internal sealed class RecordingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly WireExchange _exchange;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;

    public RecordingContent(HttpContent inner, WireExchange exchange, TimeProvider timeProvider, long started)
    {
        _inner = inner;
        _exchange = exchange;
        _timeProvider = timeProvider;
        _started = started;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new RecordingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _exchange, _timeProvider, _started);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

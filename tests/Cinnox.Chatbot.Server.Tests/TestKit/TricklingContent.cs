using System.Net;
using System.Net.Http.Headers;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>A JSON request body sent in small flushed pieces without a Content-Length (chunked).</summary>
public sealed class TricklingContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _chunk;

    public TricklingContent(byte[] bytes, int chunk)
    {
        _bytes = bytes;
        _chunk = chunk;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _bytes.Length; offset += _chunk)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(_chunk, _bytes.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

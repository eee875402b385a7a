using System.Collections.Concurrent;
using System.Globalization;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// A raw-socket bot that records every request it receives and answers each with a status, an optional
/// <c>Location</c>, and a JSON reply for a 2xx.
/// </summary>
internal sealed class RecordingPeer : IAsyncDisposable
{
    private const string JsonReply = "{\"message\":{\"type\":1,\"text\":\"from the bot\"}}";
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly RawHttpPeer _peer;

    public RecordingPeer(Func<RecordedRequest, (int Status, string? Location)> answer)
    {
        _peer = RawHttpPeer.Start(async exchange =>
        {
            var request = new RecordedRequest(exchange.RequestHead, exchange.RequestBody);
            _requests.Enqueue(request);
            var (status, location) = answer(request);
            var body = status is >= 200 and < 300 ? JsonReply : string.Empty;
            var head = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n");
            if (location is not null)
            {
                head += "Location: " + location + "\r\n";
            }

            await exchange.WriteAsync(head + "\r\n" + body);
        });
    }

    public RecordingPeer(int status, string location)
        : this(_ => (status, location))
    {
    }

    /// <summary>Starts a peer that answers every request with a 200 JSON reply.</summary>
    public RecordingPeer()
        : this(_ => (200, null))
    {
    }

    public Uri Url => _peer.Url;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public ValueTask DisposeAsync() => _peer.DisposeAsync();
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// docs/protocol.md#hostile-bots: the client asks for an uncompressed body and refuses an encoded one with <c>invalidResponse</c>
/// naming the coding; an encoded body is never shown as text.
/// </summary>
public class ChatbotClientEncodingTests
{
    private const string Json = "{\"message\":{\"type\":1,\"text\":\"plain text shows through\"}}";
    private const string Sse = "data: {\"message\":{\"type\":1,\"text\":\"plain text shows through\"}}\n\n";

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip", false)]
    [InlineData("br", true)]
    [InlineData("br", false)]
    [InlineData("deflate", true)]
    [InlineData("x-custom", false)]
    [InlineData("identity, gzip", true)]
    public async Task SendAsync_EncodedBody_IsInvalidResponseNamingTheCoding(string coding, bool json)
    {
        // Stored blocks: the text appears in the encoded bytes, as it would with an uncompressing encoder.
        var body = Encode(coding, json ? Json : Sse);
        await using var peer = Serve(200, json ? "application/json" : "text/event-stream", coding, body);
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
        reply.FailureReason.Should().Contain($"Content-Encoding '{coding.Split(", ")[^1]}'");
        reply.Text.Should().BeEmpty();
        reply.Message.Should().BeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamAsync_EncodedBody_YieldsNoTextAndOneOutcome(bool json)
    {
        await using var peer = Serve(200, json ? "application/json" : "text/event-stream", "gzip", Encode("gzip", json ? Json : Sse));
        await using var factory = new ClientFactory(peer.Url);

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
        {
            updates.Add(update);
        }

        updates.Should().ContainSingle().Which.Reply!.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
    }

    [Fact]
    public async Task SendAsync_IdentityCoding_IsReadAsUsual()
    {
        await using var peer = Serve(200, "application/json", "identity", Encoding.UTF8.GetBytes(Json));
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("plain text shows through");
    }

    [Fact]
    public async Task SendAsync_EncodedErrorBody_KeepsTheStatusButShowsNoExcerpt()
    {
        await using var peer = Serve(500, "text/plain", "gzip", Encode("gzip", "secret stack trace"));
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(500);
        reply.ErrorBodyExcerpt.Should().BeNull();
        reply.FailureReason.Should().Contain("Content-Encoding 'gzip'");
    }

    [Fact]
    public async Task SendAsync_AsksForAnUncompressedBody()
    {
        string? acceptEncoding = null;
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            acceptEncoding = new RecordedRequest(exchange.RequestHead, exchange.RequestBody).Header("Accept-Encoding");
            await exchange.WriteAsync(Head(200, "application/json", null, Encoding.UTF8.GetByteCount(Json)) + Json);
        });
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        acceptEncoding.Should().Be("identity");
    }

    private static RawHttpPeer Serve(int status, string contentType, string coding, byte[] body) => RawHttpPeer.Start(async exchange =>
    {
        await exchange.WriteAsync(Head(status, contentType, coding, body.Length));
        await exchange.WriteAsync(body);
    });

    private static string Head(int status, string contentType, string? coding, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\n") +
        (coding is null ? string.Empty : $"Content-Encoding: {coding}\r\n") +
        string.Create(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\nConnection: close\r\n\r\n");

    private static byte[] Encode(string coding, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream();
        Stream encoder = coding.Split(", ")[^1] switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.NoCompression, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.NoCompression, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.NoCompression, leaveOpen: true),
            _ => new MemoryStream(),
        };

        if (encoder is MemoryStream)
        {
            return bytes;
        }

        using (encoder)
        {
            encoder.Write(bytes);
        }

        return output.ToArray();
    }
}

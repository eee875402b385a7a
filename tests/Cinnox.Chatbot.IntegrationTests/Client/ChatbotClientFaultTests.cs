using System.Net;
using System.Net.Sockets;
using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>The client against raw-TCP peers that misbehave in ways a well-made server never would.</summary>
public class ChatbotClientFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private const string StreamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n";

    [Fact]
    public async Task SendAsync_NobodyListens_IsUnreachableAfterRetries()
    {
        var port = FreePort();
        await using var factory = new ClientFactory(new Uri($"http://127.0.0.1:{port}/bot"), retry: options => options.MaxRetryAttempts = 2);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi") { InquiryId = "enq-42" });

        reply.Outcome.Should().Be(ChatbotOutcome.Unreachable);
        reply.StatusCode.Should().BeNull();
        reply.FailureReason.Should().Contain("could not be reached");
        reply.Message.Should().BeNull();
    }

    [Fact]
    public async Task SendAsync_PeerHangsUpBeforeAnswering_IsUnreachableAndNotRetried()
    {
        await using var peer = RawHttpPeer.Start(exchange =>
        {
            exchange.Abort();
            return Task.CompletedTask;
        });
        await using var factory = new ClientFactory(peer.Url, retry: options => options.MaxRetryAttempts = 2);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Unreachable);
        peer.AcceptedConnections.Should().Be(1, "the bot received the request, so it may have acted on it");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendAsync_NoContentTypeAndABodyEndedByClosing_IsSniffed(bool json)
    {
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            await exchange.WriteAsync(json ? " {\"message\":{\"type\":1," : "data: {\"message\":{\"type\":1,");
            await exchange.WriteAsync(json ? "\"text\":\"closed\"}}" : "\"text\":\"closed\"}}\n\n");
        });
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().Be(!json);
        reply.Text.Should().Be("closed");
    }

    [Fact]
    public async Task SendAsync_Utf8CharactersSplitAcrossTcpWrites_ArriveWhole()
    {
        var text = "é你👋";
        var bytes = Encoding.UTF8.GetBytes("data: {\"message\":{\"type\":1,\"text\":\"" + text + "\"}}\r\n\r\n");
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            await exchange.WriteAsync(StreamHead);
            foreach (var b in bytes)
            {
                await exchange.WriteAsync([b]);
                await Task.Delay(1);
            }
        });
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be(text);
    }

    [Fact]
    public async Task StreamAsync_ConnectionResetMidStream_IsInterruptedWithThePartialText()
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            await exchange.WriteAsync(StreamHead + "data: {\"message\":{\"type\":1,\"text\":\"part\",\"streamType\":\"delta\"}}\n\ndata: {\"mes");
            await seen.Task.WaitAsync(Wait);
            exchange.Abort();
        });
        await using var factory = new ClientFactory(peer.Url);

        ChatbotReply? reply = null;
        await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
        {
            seen.TrySetResult();
            reply = update.Reply ?? reply;
        }

        reply!.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Text.Should().Be("part");
        peer.AcceptedConnections.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_NeverEndingLine_StopsAtTheEventLimitAndHangsUp()
    {
        var closedByClient = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            await exchange.WriteAsync(StreamHead + "data: ");
            var junk = Encoding.ASCII.GetBytes(new string('a', 1024));
            try
            {
                while (true)
                {
                    await exchange.WriteAsync(junk);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException)
            {
                closedByClient.TrySetResult(true);
            }
        });
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.EventTooLarge);
        reply.BytesRead.Should().Be(2048);
        (await closedByClient.Task.WaitAsync(Wait)).Should().BeTrue();
    }

    [Fact]
    public async Task StreamAsync_CallerCancels_LeavesNoConnectionOpen()
    {
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            await exchange.WriteAsync(StreamHead + "data: {\"message\":{\"type\":1,\"text\":\"first\",\"streamType\":\"delta\"}}\n\n");
            await exchange.WaitForClientToCloseAsync(Wait);
        });
        await using var factory = new ClientFactory(peer.Url);
        using var cancellation = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi"), cancellationToken: cancellation.Token))
            {
                peer.ActiveConnections.Should().Be(1);
                await cancellation.CancelAsync();
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
        using var timeout = new CancellationTokenSource(Wait);
        while (peer.ActiveConnections > 0 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        peer.ActiveConnections.Should().Be(0, "the cancelled call closed its connection");
    }

    [Fact]
    public async Task SendAsync_ChunkedBodyCutShort_IsInterrupted()
    {
        await using var peer = RawHttpPeer.Start(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"message\":{\"type\":1,");
        });
        await using var factory = new ClientFactory(peer.Url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.StatusCode.Should().Be(200);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>
/// docs/protocol.md#hostile-bots: a slow reader costs the bot a bounded amount of memory per stream. The toolkit pulls the handler's next
/// text only when the response has room (backpressure), so a handler that could produce megabytes at once is held a
/// small window ahead of what the socket took.
/// </summary>
public sealed class SlowReaderTests(ITestOutputHelper output)
{
    private const int TextBytes = 1024;
    private const int Texts = 3000;

    [Fact]
    public async Task ReaderThatTakesNothing_HoldsTheHandlerASmallWindowAhead()
    {
        long produced = 0;
        await using var bot = await BotServer.StartAsync(
            Transport.Loopback,
            app => app.MapCinnoxChatbot("/chatbot", (context, _) =>
                ValueTask.FromResult(ChatbotReplies.Stream(Fast(() => Interlocked.Add(ref produced, TextBytes), context.CancellationToken)))),
            WithSmallSendBuffer);

        using var socket = await AskAndReadNothingAsync(bot, "text/event-stream");

        // Read nothing; wait until the handler stops being pulled.
        await Waiting.UntilAsync(() => Interlocked.Read(ref produced) > 0, because: "the handler is pulled");
        var last = await SettledAsync(() => Interlocked.Read(ref produced));

        output.WriteLine($"Produced ahead of a reader that took nothing: {last:N0} of {(long)TextBytes * Texts:N0} bytes.");
        last.Should().BeGreaterThan(0);
        last.Should().BeLessThan(256 * 1024, "the toolkit must not produce ahead of the socket beyond a small window");
    }

    [Theory]
    [InlineData("events", true, 'a')]
    [InlineData("escaped events", true, '"')]
    [InlineData("collected JSON", false, 'a')]
    [InlineData("JSON text", false, 'b')]
    public async Task ReaderThatTakesNothing_HoldsLargeRepliesASmallWindowAhead(string reply, bool streaming, char fill)
    {
        // Texts of half the default event limit: each would be one event of 512 KB or more, and four make a reply of
        // about 2 MB. The server must not be handed more than a small window of it while the reader takes nothing.
        const int LargeText = 512 * 1024;
        CountingResponseBody? body = null;
        await using var bot = await BotServer.StartAsync(
            Transport.Loopback,
            app =>
            {
                CountingResponseBody.Use(app, counted => body = counted);
                app.MapCinnoxChatbot("/chatbot", (context, _) => ValueTask.FromResult(fill == 'b'
                    ? ChatbotReplies.Text(new string(fill, 3 * LargeText))
                    : ChatbotReplies.Stream(Large(new string(fill, LargeText), 4, context.CancellationToken))));
            },
            WithSmallSendBuffer);

        using var socket = await AskAndReadNothingAsync(bot, streaming ? "text/event-stream" : "application/json");

        await Waiting.UntilAsync(() => body is { Handed: > 0 }, because: "the reply starts");
        var last = await SettledAsync(() => body!.Handed);

        output.WriteLine($"{reply}: handed to the server ahead of a reader that took nothing: {last:N0} bytes.");
        last.Should().BeLessThan(256 * 1024, "the toolkit must hand the server no more than a small window of a {0} reply", reply);
    }

    // A small kernel send buffer, so what the socket holds does not hide what the process holds.
    private static void WithSmallSendBuffer(IServiceCollection services)
    {
        services.AddCinnoxChatbotServer();
        services.Configure<SocketTransportOptions>(options => options.CreateBoundListenSocket = endpoint =>
        {
            var listen = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            listen.SendBufferSize = 8192;
            return listen;
        });
    }

    // Sends a query over a raw socket with a small receive buffer and never reads the reply.
    private static async Task<Socket> AskAndReadNothingAsync(BotServer bot, string accept)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(bot.Client.BaseAddress!.Host, bot.Client.BaseAddress.Port);
        const string Body = "{\"query\":\"go\"}";
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"POST /chatbot HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nAccept: {accept}\r\nContent-Length: {Body.Length}\r\n\r\n{Body}"));
        return socket;
    }

    // Waits until a growing count has stopped growing for 300 ms, and returns it.
    private static async Task<long> SettledAsync(Func<long> read)
    {
        long last;
        do
        {
            last = read();
            await Task.Delay(300);
        }
        while (read() != last);

        return last;
    }

    private static async IAsyncEnumerable<string> Large(string text, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return text;
            await Task.Yield();
        }
    }

    private static async IAsyncEnumerable<string> Fast(Action counted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = new string('a', TextBytes);
        for (var i = 0; i < Texts; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            counted();
            yield return text;
            await Task.Yield();
        }
    }
}

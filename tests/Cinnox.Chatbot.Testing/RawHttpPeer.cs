using System.Net;
using System.Net.Sockets;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// A fault-injecting HTTP/1.1 peer on <c>127.0.0.1</c>: raw TCP, so a test writes exactly the bytes it wants —
/// no Content-Type, a body that ends by closing the connection, a reset in the middle of a stream, a UTF-8
/// character split across TCP writes, a server that hangs up before answering.
/// </summary>
/// <remarks>
/// Each connection carries one request. The peer reads the request head and its <c>Content-Length</c> body, hands
/// the exchange to the test's handler, and closes the connection gracefully when the handler returns (unless the
/// handler aborted it).
/// </remarks>
public sealed class RawHttpPeer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawHttpExchange, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _active;
    private int _accepted;

    private RawHttpPeer(Func<RawHttpExchange, Task> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/bot");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Gets the URL to call.</summary>
    public Uri Url { get; }

    /// <summary>Gets the number of connections open right now.</summary>
    public int ActiveConnections => Volatile.Read(ref _active);

    /// <summary>Gets the number of connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>Starts a peer that runs <paramref name="handler"/> for every request.</summary>
    /// <param name="handler">Writes the response, byte for byte.</param>
    /// <returns>The running peer.</returns>
    public static RawHttpPeer Start(Func<RawHttpExchange, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new RawHttpPeer(handler);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            Interlocked.Increment(ref _active);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var exchange = new RawHttpExchange(socket, _stopping.Token);
        try
        {
            if (await exchange.ReadRequestAsync().ConfigureAwait(false))
            {
                await _handler(exchange).ConfigureAwait(false);
            }

            exchange.CloseGracefully();
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the test aborted the connection on purpose.
        }
        finally
        {
            exchange.Dispose();
            Interlocked.Decrement(ref _active);
        }
    }
}

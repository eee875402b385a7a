using System.Net;
using System.Net.Sockets;
using System.Text;

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

/// <summary>One request to a <see cref="RawHttpPeer"/> and the raw connection to answer it on.</summary>
public sealed class RawHttpExchange : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly CancellationToken _stopping;
    private bool _closed;

    internal RawHttpExchange(Socket socket, CancellationToken stopping)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _stopping = stopping;
    }

    /// <summary>Gets the request line and headers, as received.</summary>
    public string RequestHead { get; private set; } = string.Empty;

    /// <summary>Gets the request body.</summary>
    public string RequestBody { get; private set; } = string.Empty;

    /// <summary>Writes text as UTF-8 and sends it at once.</summary>
    /// <param name="text">The bytes to send, as text.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes bytes and sends them at once.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes, _stopping).ConfigureAwait(false);
        await _stream.FlushAsync(_stopping).ConfigureAwait(false);
    }

    /// <summary>Resets the connection (TCP RST): the client sees it break, not end.</summary>
    public void Abort()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    /// <summary>Waits until the client closes or resets the connection.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns><see langword="true"/> when the client closed it in time.</returns>
    public async Task<bool> WaitForClientToCloseAsync(TimeSpan timeout)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        cancellation.CancelAfter(timeout);
        var buffer = new byte[256];
        try
        {
            while (await _stream.ReadAsync(buffer, cancellation.Token).ConfigureAwait(false) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }

    internal async Task<bool> ReadRequestAsync()
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await _stream.ReadAsync(buffer, _stopping).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        RequestHead = Encoding.ASCII.GetString([.. received.Take(headEnd)]);
        var length = 0;
        foreach (var line in RequestHead.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = received.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await _stream.ReadAsync(buffer, _stopping).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            body.AddRange(buffer.AsSpan(0, read));
        }

        RequestBody = Encoding.UTF8.GetString([.. body]);
        return true;
    }

    internal void CloseGracefully()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _socket.Shutdown(SocketShutdown.Send);
        _socket.Close(timeout: 1);
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}

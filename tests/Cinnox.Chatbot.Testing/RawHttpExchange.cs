using System.Net.Sockets;
using System.Text;

namespace Cinnox.Chatbot.Testing;

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

using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// Starts WireMock.Net servers on loopback for HTTP-level stubs: statuses, <c>Retry-After</c>, delays, JSON bodies and
/// recorded requests. Byte-level faults (aborts, stalls, cut characters) stay with <see cref="RawHttpPeer"/>.
/// </summary>
public static class StubbedBot
{
    /// <summary>Starts a server that listens on 127.0.0.1 only, with no admin interface.</summary>
    /// <returns>The server; dispose it at the end of the test.</returns>
    public static WireMockServer Start() => WireMockServer.Start(new WireMockServerSettings
    {
        Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"],
        StartAdminInterface = false,
    });

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Gets the URL of a path on a server, on 127.0.0.1 (the address it listens on).</summary>
    /// <param name="server">The server.</param>
    /// <param name="path">The path, starting with <c>/</c>.</param>
    /// <returns>The absolute URL.</returns>
    public static Uri Url(this WireMockServer server, string path)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new Uri(new Uri($"http://127.0.0.1:{server.Ports[0]}"), path);
    }
}

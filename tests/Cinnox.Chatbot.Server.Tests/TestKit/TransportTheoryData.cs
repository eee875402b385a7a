namespace Cinnox.Chatbot.Server.Tests;

/// <summary>Theory data: every transport.</summary>
public static class TransportTheoryData
{
    /// <summary>Gets both transports.</summary>
    public static TheoryData<Transport> All => new() { Transport.InProcess, Transport.Loopback };
}

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>How a test reaches the bot.</summary>
public enum Transport
{
    /// <summary>In memory, through ASP.NET Core's TestServer.</summary>
    InProcess,

    /// <summary>Over a real socket to Kestrel on 127.0.0.1.</summary>
    Loopback,
}

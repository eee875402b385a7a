namespace Cinnox.Chatbot.Rooms.Sqlite.Tests;

/// <summary>A database file in a fresh temporary folder, deleted with the folder.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cinnox-rooms-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "rooms.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }
}

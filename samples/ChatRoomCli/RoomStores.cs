using Cinnox.Chatbot.Rooms.Sqlite;
using Cinnox.Chatbot.Rooms.Storage;

namespace ChatRoomCli;

/// <summary>Opens the store a <c>--store</c> value names: <c>sqlite:&lt;file path&gt;</c>.</summary>
internal static class RoomStores
{
    public const string Help = "sqlite:<file path>";

    /// <summary>Opens a store, or says what is wrong with the value.</summary>
    /// <param name="value">The <c>--store</c> value.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The store, or the problem.</returns>
    public static async Task<(IRoomStore? Store, string? Problem)> OpenAsync(string value, CancellationToken cancellationToken)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (scheme, rest) = colon < 0 ? (value, string.Empty) : (value[..colon], value[(colon + 1)..]);
        switch (scheme)
        {
            case "sqlite" when !string.IsNullOrWhiteSpace(rest):
                return (await SqliteRoomStore.OpenAsync(rest, cancellationToken).ConfigureAwait(false), null);
            case "sqlite":
                return (null, $"--store sqlite: needs a file path, such as sqlite:rooms.db.");
            default:
                return (null, $"--store '{value}' is not a store this build knows; use {Help}.");
        }
    }
}

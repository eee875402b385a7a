using Cinnox.Chatbot.Rooms.PostgreSql;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="PostgreSqlRoomStore"/> as the application's room store.</summary>
public static class PostgreSqlRoomStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgreSqlRoomStore"/> for the application as <see cref="IRoomStore"/>, <see cref="IRoomChangeFeed"/> and
    /// <see cref="IRoomWorkStore"/>. It connects with <see cref="PostgreSqlRoomStoreOptions.ConnectionString"/> when one is set,
    /// otherwise with the <see cref="NpgsqlDataSource"/> registered in the container.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, such as the connection string or the schema; optional.</param>
    /// <returns>The services, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// Resolving the store throws <see cref="InvalidOperationException"/> when there is neither a connection string nor a
    /// registered <see cref="NpgsqlDataSource"/>. A <see cref="TimeProvider"/> and loggers are taken from the container when present.
    /// </remarks>
    public static IServiceCollection AddPostgreSqlRoomStore(this IServiceCollection services, Action<PostgreSqlRoomStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgreSqlRoomStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(static provider =>
        {
            var settings = provider.GetRequiredService<IOptions<PostgreSqlRoomStoreOptions>>().Value;
            var clock = provider.GetService<TimeProvider>();
            var logger = provider.GetService<ILogger<PostgreSqlRoomStore>>();
            if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
            {
                return new PostgreSqlRoomStore(settings, clock, logger);
            }

            var dataSource = provider.GetService<NpgsqlDataSource>()
                ?? throw new InvalidOperationException(
                    "AddPostgreSqlRoomStore needs a connection: set PostgreSqlRoomStoreOptions.ConnectionString, or register an NpgsqlDataSource (services.AddSingleton(NpgsqlDataSource.Create(connectionString))).");
            return new PostgreSqlRoomStore(dataSource, settings, clock, logger);
        });
        services.TryAddSingleton<IRoomStore>(static provider => provider.GetRequiredService<PostgreSqlRoomStore>());
        services.TryAddSingleton<IRoomChangeFeed>(static provider => provider.GetRequiredService<PostgreSqlRoomStore>());
        services.TryAddSingleton<IRoomWorkStore>(static provider => provider.GetRequiredService<PostgreSqlRoomStore>());
        return services;
    }
}

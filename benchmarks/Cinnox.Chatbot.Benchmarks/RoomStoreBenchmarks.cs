using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// A post committed through <see cref="RoomRepository"/> by 1, 4 or 16 concurrent writers (each a node of its own) into one
/// room, per store; the in-memory store is the baseline. PostgreSQL needs <c>CINNOX_TEST_POSTGRES</c> (its benchmark
/// fails at setup without it). Percentiles under load are in the <c>rooms</c> harness (<see cref="RoomStoreLoadRun"/>).
/// </summary>
[MemoryDiagnoser]
public class RoomStoreBenchmarks
{
    private const int Posts = 64;
    private RoomStores _stores = null!;
    private RoomRepository[] _writers = [];

    /// <summary>Gets or sets how many writers post at once.</summary>
    [Params(1, 4, 16)]
    public int Writers { get; set; }

    /// <summary>Opens an in-memory store with one room and its writers.</summary>
    [GlobalSetup(Target = nameof(InMemory))]
    public Task SetupInMemory() => SetupAsync("in-memory");

    /// <summary>Opens a SQLite store with one room and its writers.</summary>
    [GlobalSetup(Target = nameof(Sqlite))]
    public Task SetupSqlite() => SetupAsync("SQLite");

    /// <summary>Opens a PostgreSQL store with one room and its writers.</summary>
    [GlobalSetup(Target = nameof(PostgreSql))]
    public Task SetupPostgreSql() => SetupAsync("PostgreSQL");

    /// <summary>Closes the stores.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        await _stores.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The in-memory store: the cost of the room and the repository alone.</summary>
    /// <returns>A task that completes when every post is committed.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public Task InMemory() => PostAsync();

    /// <summary>One SQLite file (WAL).</summary>
    /// <returns>A task that completes when every post is committed.</returns>
    [Benchmark(OperationsPerInvoke = Posts)]
    public Task Sqlite() => PostAsync();

    /// <summary>PostgreSQL on loopback.</summary>
    /// <returns>A task that completes when every post is committed.</returns>
    [Benchmark(OperationsPerInvoke = Posts)]
    public Task PostgreSql() => PostAsync();

    private async Task SetupAsync(string kind)
    {
        if (kind == "PostgreSQL" && !RoomStores.Kinds.Contains(kind))
        {
            throw new InvalidOperationException($"The PostgreSQL benchmark needs a server: run `eval \"$(bash .ci/services)\"` to export {RoomStores.PostgreSqlVariable}.");
        }

        _stores = new RoomStores();
        var (store, openNode) = await _stores.CreateAsync(kind).ConfigureAwait(false);
        await RoomStores.CreateRoomsAsync(store, 1).ConfigureAwait(false);
        _writers = new RoomRepository[Writers];
        for (var w = 0; w < Writers; w++)
        {
            _writers[w] = new RoomRepository(await openNode().ConfigureAwait(false), new RoomRepositoryOptions { MaxConflictRetries = 1_000, SnapshotEvery = 200 });
        }
    }

    private Task PostAsync() => Task.WhenAll(_writers.Select(writer => Task.Run(async () =>
    {
        for (var i = 0; i < Posts / Writers; i++)
        {
            await writer.ExecuteAsync("room-0", room => room.PostText("alice", "hello")).ConfigureAwait(false);
        }
    })));
}

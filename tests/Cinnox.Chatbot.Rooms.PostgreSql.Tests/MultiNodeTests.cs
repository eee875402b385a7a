using Cinnox.Chatbot.Rooms.Storage;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>Several nodes — store instances in this process and child processes — writing one room at once behave as one room server.</summary>
public sealed class MultiNodeTests : SchemaScope
{
    private static readonly RoomMember Alice = RoomMember.Staff("alice", "Alice");

    [Fact]
    public async Task OneRoom_WritersInSeveralProcessesAndStores_EveryPostLandsOnceInOrderWithoutGaps()
    {
        var setup = await OpenNodeAsync();
        await using (var repository = new RoomRepository(setup, timeProvider: Clock))
        {
            await repository.CreateAsync(new SpaceRoom("busy", "Busy", Alice, timeProvider: Clock));
        }

        var children = Enumerable.Range(0, 2).Select(i => TestNode.Start("post", Schema, "busy", $"process{i}", "10")).ToArray();
        try
        {
            foreach (var child in children)
            {
                await child.WaitForLineAsync("READY", TimeSpan.FromSeconds(60));
            }

            var local = new List<RoomRepository>();
            for (var i = 0; i < 2; i++)
            {
                local.Add(new RoomRepository(await OpenNodeAsync(), new RoomRepositoryOptions { MaxConflictRetries = 1000 }, TimeProvider.System));
            }

            foreach (var child in children)
            {
                await child.SendLineAsync("GO");
            }

            await Task.WhenAll(local.Select((repository, w) => Task.Run(async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await repository.ExecuteAsync("busy", room => room.PostText(Alice.Id, $"store{w}:{i}"));
                }
            })));
            foreach (var child in children)
            {
                await child.WaitForLineAsync("DONE", TimeSpan.FromSeconds(60));
            }

            foreach (var repository in local)
            {
                await repository.DisposeAsync();
            }
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync();
            }
        }

        var messages = await setup.ReadMessagesAsync("busy", 0, 100);
        messages.Select(message => message.Sequence).Should().Equal(Enumerable.Range(1, 40).Select(i => (long)i), "no message is lost, duplicated or leaves a gap");
        messages.Select(message => message.MessageId).Should().OnlyHaveUniqueItems();
        foreach (var writer in new[] { "process0", "process1", "store0", "store1" })
        {
            messages.Select(message => message.Text!).Where(text => text.StartsWith(writer + ":", StringComparison.Ordinal))
                .Should().Equal(Enumerable.Range(0, 10).Select(i => $"{writer}:{i}"), "each writer's posts keep their order");
        }

        var events = await setup.ReadEventsAsync("busy", 0, 1000);
        events.Select(stored => stored.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task Migrate_SeveralNodesStartingAtOnce_CreateTheSchemaOnce()
    {
        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenNodeAsync()));

        await Task.WhenAll(nodes.Select(node => node.MigrateAsync()));

        foreach (var node in nodes)
        {
            (await node.GetSchemaVersionAsync()).Should().Be(PostgreSqlRoomStore.LatestSchemaVersion);
        }
    }
}

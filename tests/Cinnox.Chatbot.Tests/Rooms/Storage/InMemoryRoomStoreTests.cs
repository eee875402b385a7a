using Cinnox.Chatbot.Testing.Rooms.Storage;

namespace Cinnox.Chatbot.Rooms.Storage.Tests;

/// <summary>The store contract on the in-memory store; "reopening" it returns the same instance, as a process keeps its memory.</summary>
public class InMemoryRoomStoreTests : RoomStoreContract
{
    /// <inheritdoc />
    protected override Task<IRoomStore> CreateStoreAsync() => Task.FromResult<IRoomStore>(new InMemoryRoomStore());

    /// <inheritdoc />
    protected override Task<IRoomStore> ReopenAsync(IRoomStore store) => Task.FromResult(store);

    [Fact]
    public async Task Work_QueuedWithAMessage_IsThereOnlyIfTheMessageIs()
    {
        var store = new InMemoryRoomStore();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: Clock));

        await repository.ExecuteAsync("s", context =>
        {
            context.Room.PostText("alice", "queued");
            context.QueueWork("turn", "{}"u8.ToArray());
            return 0;
        });
        var refused = async () => await repository.ExecuteAsync("s", context =>
        {
            context.QueueWork("turn", "{}"u8.ToArray());
            return context.Room.PostText("nobody", "refused");
        });

        await refused.Should().ThrowAsync<ChatRoomRuleException>();
        store.Work.Should().ContainSingle().Which.Item.Sequence.Should().Be(3, "it follows the message's event");
    }

    [Fact]
    public async Task Subscribe_FromASequence_SeesLaterCommitsInOrder()
    {
        var store = new InMemoryRoomStore();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: Clock));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<long>();

        var reading = Task.Run(async () =>
        {
            await foreach (var stored in store.SubscribeAsync("s", 1, cancellation.Token))
            {
                seen.Add(stored.Sequence);
                if (stored.Sequence == 5)
                {
                    return;
                }
            }
        });
        for (var i = 0; i < 3; i++)
        {
            await repository.ExecuteAsync("s", room => room.PostText("alice", $"m{i}"));
        }

        await reading;
        seen.Should().Equal(2L, 3L, 4L, 5L);
    }
}

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
}

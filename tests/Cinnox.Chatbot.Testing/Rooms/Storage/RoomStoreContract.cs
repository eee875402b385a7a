using Microsoft.Extensions.Time.Testing;
using System.Text;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Storage;
using FluentAssertions;
using Xunit;

namespace Cinnox.Chatbot.Testing.Rooms.Storage;

/// <summary>
/// The behaviour every <see cref="IRoomStore"/> provider must have (docs/chat-rooms.md#rooms-that-last). A provider's test class derives from
/// this and says how to open a fresh, empty store, and how to open the same store again as a restarted process would.
/// </summary>
public abstract class RoomStoreContract
{
    private static readonly RoomMember Alice = RoomMember.Staff("alice", "Alice Wong");
    private static readonly RoomMember Bob = RoomMember.Staff("bob", "Bob");
    private static readonly RoomMember Carol = RoomMember.Staff("carol", "Carol");

    /// <summary>Gets the clock the rooms read.</summary>
    protected FakeTimeProvider Clock { get; } = new();

    /// <summary>Opens a fresh, empty store.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IRoomStore> CreateStoreAsync();

    /// <summary>Opens the store <paramref name="store"/> writes to again, as another process or a restart would; the in-memory store returns the same instance.</summary>
    /// <param name="store">A store from <see cref="CreateStoreAsync"/>.</param>
    /// <returns>A store over the same data.</returns>
    protected abstract Task<IRoomStore> ReopenAsync(IRoomStore store);

    [Fact]
    public async Task Load_UnknownRoom_IsNull()
    {
        var store = await CreateStoreAsync();

        (await store.LoadAsync("nowhere")).Should().BeNull();
        (await store.ReadEventsAsync("nowhere", 0, 10)).Should().BeEmpty();
        (await store.ReadMessagesAsync("nowhere", 0, 10)).Should().BeEmpty();
        var inbox = await store.ReadInboxAsync("nobody", 10);
        inbox.UnreadRoomCount.Should().Be(0);
        inbox.Rooms.Should().BeEmpty();
    }

    [Fact]
    public async Task RoomWrittenThenReopened_IsReadBackWhole()
    {
        var store = await CreateStoreAsync();
        var original = await WriteBusySpaceAsync(store);

        var reopened = await ReopenAsync(store);
        await using var repository = new RoomRepository(reopened, timeProvider: Clock);
        var loaded = (await repository.FindAsync(original.Id))!;

        Json(loaded.CreateSnapshot()).Should().Be(Json(original.CreateSnapshot()));
        loaded.Should().BeOfType<SpaceRoom>().Which.Name.Should().Be("Renamed team");
        (await reopened.ReadEventsAsync(original.Id, 0, 1000)).Select(stored => stored.Sequence).Should().Equal(Enumerable.Range(1, (int)original.Version).Select(i => (long)i));
    }

    [Fact]
    public async Task Subscribe_FromASequence_SeesTheEventsAfterItAndLaterCommitsOfAnotherInstanceInOrder()
    {
        var store = await CreateStoreAsync();
        var feed = store.Should().BeAssignableTo<IRoomChangeFeed>("every store provider offers the change feed").Subject;
        var writer = await ReopenAsync(store);
        await using var repository = new RoomRepository(writer, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<long>();

        var reading = Task.Run(async () =>
        {
            await foreach (var stored in feed.SubscribeAsync("s", 1, cancellation.Token))
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
        seen.Should().Equal([2L, 3L, 4L, 5L], "the feed starts after the sequence given and then follows every commit, whichever instance made it");
    }

    [Fact]
    public async Task Append_StaleExpectedVersion_IsATypedConflictAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        var loaded = (await repository.FindAsync("s"))!;
        var version = loaded.Version;
        loaded.PostText(Alice.Id, "first writer");
        await store.AppendAsync(CommitOf(loaded, version));

        var stale = (ChatRoom)ChatRoom.Restore(null, (await store.ReadEventsAsync("s", 0, 100)).Take((int)version).Select(RoomEventSerializer.Deserialize), Clock);
        stale.PostText(Alice.Id, "second writer");
        var act = async () => await store.AppendAsync(CommitOf(stale, version));

        (await act.Should().ThrowAsync<RoomVersionConflictException>()).Which.Should().Match<RoomVersionConflictException>(conflict =>
            conflict.RoomId == "s" && conflict.ExpectedVersion == version && (conflict.ActualVersion == null || conflict.ActualVersion == version + 1));
        (await store.ReadMessagesAsync("s", 0, 10)).Select(message => message.Text).Should().Equal("first writer");
    }

    [Fact]
    public async Task Append_NewRoomTwice_SecondIsRefused()
    {
        var store = await CreateStoreAsync();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));

        var again = async () => await repository.CreateAsync(new SpaceRoom("s", "Other", Bob, timeProvider: Clock));

        (await again.Should().ThrowAsync<ChatRoomRuleException>()).Which.Rule.Should().Be(ChatRoomRule.RoomAlreadyExists);
        ((SpaceRoom)(await repository.FindAsync("s"))!).Name.Should().Be("Team");
    }

    [Fact]
    public async Task ConcurrentWriters_EveryPostLandsOnceInOrderWithoutGaps()
    {
        var store = await CreateStoreAsync();
        await using (var setup = new RoomRepository(store, timeProvider: Clock))
        {
            await setup.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
            await setup.ExecuteAsync("s", room => { ((SpaceRoom)room).AddMember(Alice.Id, Bob); return 0; });
        }

        // Separate repositories stand for separate processes: they share nothing but the store.
        // Their conflict waits run on the real clock: the manual one only moves when a test says so.
        var writers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => new RoomRepository(await ReopenAsync(store), new RoomRepositoryOptions { MaxConflictRetries = 200 }, TimeProvider.System)));
        await Task.WhenAll(writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await writer.ExecuteAsync("s", room => room.PostText(Alice.Id, $"{w}:{i}"));
            }
        })));

        var messages = await store.ReadMessagesAsync("s", 0, 100);
        messages.Should().HaveCount(40);
        messages.Select(message => message.Sequence).Should().Equal(Enumerable.Range(1, 40).Select(i => (long)i));
        messages.Select(message => message.MessageId).Should().OnlyHaveUniqueItems();
        foreach (var w in Enumerable.Range(0, 4))
        {
            messages.Select(message => message.Text).Where(text => text!.StartsWith($"{w}:", StringComparison.Ordinal))
                .Should().Equal(Enumerable.Range(0, 10).Select(i => $"{w}:{i}"), "one writer's posts keep their order");
        }

        (await store.ReadInboxAsync(Bob.Id, 10)).Rooms.Single().UnreadCount.Should().Be(40);
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }
    }

    [Fact]
    public async Task IdempotencyKey_RepeatedFromAnotherProcess_ReturnsTheFirstResultAndChangesNothing()
    {
        var store = await CreateStoreAsync();
        await using var first = new RoomRepository(store, timeProvider: Clock);
        await first.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        var posted = await first.ExecuteAsync("s", context => context.Room.PostText(Alice.Id, "once"), "client-1");

        await using var second = new RoomRepository(await ReopenAsync(store), timeProvider: Clock);
        var repeated = await second.ExecuteAsync("s", context => context.Room.PostText(Alice.Id, "once"), "client-1");

        repeated.Repeated.Should().BeTrue();
        (repeated.MessageId, repeated.MessageSequence, repeated.Version).Should().Be((posted.MessageId, posted.MessageSequence, posted.Version));
        (await store.ReadMessagesAsync("s", 0, 10)).Should().ContainSingle();
        (await store.FindIdempotencyKeyAsync("s", "client-1")).Should().Be(new IdempotencyRecord("s", "client-1", posted.MessageId, 1, posted.Version));
        (await store.FindIdempotencyKeyAsync("other-room", "client-1")).Should().BeNull("keys belong to a room");
    }

    [Fact]
    public async Task History_PagesBySequence_ShowEditsAndRecallsAsTheyAreNow()
    {
        var store = await CreateStoreAsync();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await repository.ExecuteAsync("s", room => room.PostText(Alice.Id, $"m{i}"))).Message.Id);
        }

        await repository.ExecuteAsync("s", room => room.Edit(Alice.Id, ids[1], "m2 edited"));
        await repository.ExecuteAsync("s", room => room.Recall(Alice.Id, ids[2]));

        var page1 = await store.ReadMessagesAsync("s", 0, 2);
        var page2 = await store.ReadMessagesAsync("s", page1[^1].Sequence, 2);
        var page3 = await store.ReadMessagesAsync("s", page2[^1].Sequence, 2);

        page1.Select(message => (message.Sequence, message.Text)).Should().Equal((1L, "m1"), (2L, "m2 edited"));
        page1[1].IsEdited.Should().BeTrue();
        page2.Select(message => (message.Sequence, message.Text)).Should().Equal((3L, (string?)null), (4L, "m4"));
        page2[0].IsRecalled.Should().BeTrue();
        page2[0].Kind.Should().Be(RoomMessageKind.Recalled);
        page3.Select(message => message.Sequence).Should().Equal(5L);
        (await store.ReadMessagesAsync("s", 5, 2)).Should().BeEmpty();
    }

    [Fact]
    public async Task ReadModels_UnreadBadgeAndRecentConnections_FollowTheEvents()
    {
        var store = await CreateStoreAsync();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("quiet", "Quiet", Alice, timeProvider: Clock));
        await repository.CreateAsync(new SpaceRoom("busy", "Busy", Alice, timeProvider: Clock));
        foreach (var room in new[] { "quiet", "busy" })
        {
            await repository.ExecuteAsync(room, r => { ((SpaceRoom)r).AddMember(Alice.Id, Bob); return 0; });
        }

        Clock.Advance(TimeSpan.FromMinutes(1));
        await repository.ExecuteAsync("quiet", room => room.PostSystemMessage("Only the platform spoke here."));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var recalled = await repository.ExecuteAsync("busy", room => room.PostText(Alice.Id, "hello"));
        await repository.ExecuteAsync("busy", room => room.PostText(Alice.Id, "again"));

        var bob = await store.ReadInboxAsync(Bob.Id, 10);
        bob.UnreadRoomCount.Should().Be(2, "a system message counts as unread in the room and in the badge alike");
        bob.Rooms.Select(row => (row.RoomId, row.UnreadCount)).Should().Equal(("busy", 2), ("quiet", 1));
        bob.Rooms[0].Title.Should().Be("Busy");

        await repository.ExecuteAsync("busy", room => room.Recall(Alice.Id, recalled.Message.Id));
        await repository.ExecuteAsync("quiet", room => room.MarkRead(Bob.Id));
        bob = await store.ReadInboxAsync(Bob.Id, 10);
        bob.UnreadRoomCount.Should().Be(1);
        bob.Rooms.Single(row => row.RoomId == "busy").UnreadCount.Should().Be(1, "a recalled message no longer counts");

        await repository.ExecuteAsync("busy", room => { ((SpaceRoom)room).Leave(Bob.Id); return 0; });
        (await store.ReadInboxAsync(Bob.Id, 10)).Rooms.Select(row => row.RoomId).Should().NotContain("busy");
        (await store.ReadInboxAsync(Alice.Id, 1)).Rooms.Should().ContainSingle("the page size is respected");
    }

    [Fact]
    public async Task Snapshot_LoadReturnsItWithOnlyTheEventsAfter()
    {
        var store = await CreateStoreAsync();
        await using (var repository = new RoomRepository(store, new RoomRepositoryOptions { SnapshotEvery = 10 }, Clock))
        {
            await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));
            for (var i = 0; i < 12; i++)
            {
                await repository.ExecuteAsync("s", room => room.PostText(Alice.Id, $"m{i}"));
            }
        }

        var stored = (await (await ReopenAsync(store)).LoadAsync("s"))!;

        stored.Snapshot.Should().NotBeNull();
        stored.Snapshot!.Version.Should().Be(10);
        stored.Events.Select(e => e.Sequence).Should().Equal(11L, 12L, 13L, 14L);
        stored.Version.Should().Be(14);
        var room = ChatRoom.Restore(RoomEventSerializer.DeserializeSnapshot(stored.Snapshot.SchemaVersion, stored.Snapshot.Data.Span), stored.Events.Select(RoomEventSerializer.Deserialize), Clock);
        room.Messages.Select(message => message.Text).Should().Equal(Enumerable.Range(0, 12).Select(i => $"m{i}"));
    }

    [Fact]
    public async Task Work_QueuedByACommand_IsCommittedWithIt()
    {
        var store = await CreateStoreAsync();
        await using var repository = new RoomRepository(store, timeProvider: Clock);
        await repository.CreateAsync(new SpaceRoom("s", "Team", Alice, timeProvider: Clock));

        var result = await repository.ExecuteAsync("s", context =>
        {
            var message = context.Room.PostText(Alice.Id, "answer me");
            context.QueueWork("chatbot-turn", Encoding.UTF8.GetBytes($$"""{"message":"{{message.Message.Id}}"}"""));
            return message;
        });

        result.Value!.Message.Text.Should().Be("answer me");
        (await store.ReadEventsAsync("s", 0, 100)).Should().HaveCount((int)result.Version);
    }

    [Fact]
    public async Task Append_MalformedCommit_IsRefusedNamingTheProblem()
    {
        var store = await CreateStoreAsync();
        var room = new SpaceRoom("s", "Team", Alice, timeProvider: Clock);
        var commit = CommitOf(room, 0);

        var gap = async () => await store.AppendAsync(commit with { Events = [.. commit.Events.Skip(1)] });
        var empty = async () => await store.AppendAsync(commit with { Events = [] });

        (await gap.Should().ThrowAsync<ArgumentException>()).WithMessage("*sequence 2*must be 1*");
        (await empty.Should().ThrowAsync<ArgumentException>()).WithMessage("*no events*");
        (await store.LoadAsync("s")).Should().BeNull();
    }

    [Fact]
    public async Task Save_ALiveRoomInSteps_IsReadBackWholeAfterARestart()
    {
        var store = await CreateStoreAsync();
        var live = new SpaceRoom("live", "Team", Alice, timeProvider: Clock);
        await using (var repository = new RoomRepository(store, timeProvider: Clock))
        {
            live.AddMember(Alice.Id, Bob);
            (await repository.SaveAsync(live)).Should().Be(3);
            live.PostText(Alice.Id, "one");
            live.PostSystemMessage("two");
            (await repository.SaveAsync(live)).Should().Be(5);
            (await repository.SaveAsync(live)).Should().Be(5, "nothing new to save");
        }

        await using var restarted = new RoomRepository(await ReopenAsync(store), timeProvider: Clock);
        var loaded = (await restarted.FindAsync("live"))!;

        Json(loaded.CreateSnapshot()).Should().Be(Json(live.CreateSnapshot()));
        (await restarted.ReadInboxAsync(Bob.Id)).UnreadRoomCount.Should().Be(1);
    }

    private static string Json(RoomSnapshot snapshot) => Encoding.UTF8.GetString(RoomEventSerializer.SerializeSnapshot(snapshot));

    // Builds the commit a repository would for a room's pending events, to drive a store directly.
    private static RoomCommit CommitOf(ChatRoom room, long expectedVersion)
    {
        var events = room.TakePendingEvents();
        return new RoomCommit
        {
            RoomId = room.Id,
            ExpectedVersion = expectedVersion,
            Events = [.. events.Select(RoomEventSerializer.Serialize)],
            Room = room.GetRoomRecord(),
            Members = room.GetMemberRecords(),
            Messages = [.. room.Messages.Where(message => message.Sequence > 0).Select(message => room.GetMessageRecord(message.Id))],
        };
    }

    private async Task<ChatRoom> WriteBusySpaceAsync(IRoomStore store)
    {
        await using var repository = new RoomRepository(store, new RoomRepositoryOptions { SnapshotEvery = 7 }, Clock);
        await repository.CreateAsync(new SpaceRoom("space-42", "Team", Alice, SpaceVisibility.Public, "About work", Clock));
        await repository.ExecuteAsync("space-42", room => { ((SpaceRoom)room).AddMember(Alice.Id, Bob); ((SpaceRoom)room).Join(Carol); return 0; });
        var hello = await repository.ExecuteAsync("space-42", room => room.PostText(Alice.Id, "Hello @Bob and @all"));
        await repository.ExecuteAsync("space-42", room => room.Reply(Bob.Id, hello.Message.Id, "Hi!"));
        await repository.ExecuteAsync("space-42", room => room.PostFile(Carol.Id, new FileMessageContent(FileKind.Document, "plan.pdf", 2048, "application/pdf", new Uri("https://files.example.com/plan.pdf"))));
        await repository.ExecuteAsync("space-42", room => room.AttachPreview(hello.Message.Id, new LinkPreview(new Uri("https://example.com")) { Title = "Example" }));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await repository.ExecuteAsync("space-42", room => room.Edit(Alice.Id, hello.Message.Id, "Hello @Carol"));
        var oops = await repository.ExecuteAsync("space-42", room => room.PostText(Bob.Id, "oops"));
        await repository.ExecuteAsync("space-42", room => room.Recall(Bob.Id, oops.Message.Id));
        await repository.ExecuteAsync("space-42", room => { room.SetNotificationSetting(Carol.Id, RoomNotificationSetting.MentionsOnly); return room.MarkRead(Bob.Id); });
        await repository.ExecuteAsync("space-42", room => { ((SpaceRoom)room).UpdateDetails(Alice.Id, "Renamed team", null); return room.PostSystemMessage("Renamed."); });
        return (await repository.FindAsync("space-42"))!;
    }
}

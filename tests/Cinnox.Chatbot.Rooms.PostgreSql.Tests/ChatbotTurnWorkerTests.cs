using System.Runtime.CompilerServices;
using Cinnox.Chatbot.Rooms.Storage;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>Durable chatbot turns on PostgreSQL: queued with the visitor's message, answered by one node per room in order, never re-sent after a crash.</summary>
public sealed class ChatbotTurnWorkerTests : SchemaScope
{
    [Fact]
    public async Task VisitorMessage_TurnQueuedWithItAndAnsweredOnAnotherNode_ReplyLandsAsEvents()
    {
        var front = await OpenNodeAsync();
        await using var rooms = new RoomRepository(front, timeProvider: Clock);
        await rooms.CreateAsync(new EnquiryRoom(Enquiry("ENQ-1"), Clock));
        await rooms.ExecuteAsync("ENQ-1", context => context.PostVisitorMessage("Hi, I need help"));
        await using (var lease = await front.TryLeaseAsync(ChatbotTurns.Queue))
        {
            (await lease!.ReadPendingAsync(10)).Should().ContainSingle("the turn was committed with the message").Which.Started.Should().BeFalse();
        }

        var back = await OpenNodeAsync();
        await using var backRooms = new RoomRepository(back, timeProvider: Clock);
        var client = new ScriptedChatbotClient().EnqueueDeltas("Hello", ", ", "Ada", "!");
        var worker = new ChatbotTurnWorker(backRooms, back, new ChatbotTurnWorkerOptions { ResolveClient = _ => client });

        (await worker.ProcessAvailableAsync()).Should().Be(1);
        (await worker.ProcessAvailableAsync()).Should().Be(0, "a finished turn is never sent again");

        client.Calls.Should().ContainSingle().Which.Request.Should().Match<ChatbotRequest>(request => request.Query == "Hi, I need help" && request.InquiryId == "ENQ-1");
        var room = (EnquiryRoom)(await rooms.FindAsync("ENQ-1"))!;
        var reply = room.Messages[^1];
        reply.Sender.Id.Should().Be("chatbot:Test Bot");
        reply.Content.Should().BeOfType<ChatbotReplyContent>().Which.Should().Match<ChatbotReplyContent>(content => content.Text == "Hello, Ada!" && content.State == ChatbotReplyState.Completed);
        var types = (await front.ReadEventsAsync("ENQ-1", 0, 100)).Select(stored => stored.Type).ToList();
        types.Should().Contain("ChatbotReplyCompleted");
        (await front.ReadMessagesAsync("ENQ-1", 0, 100)).Select(message => message.Text).Should().EndWith(["Hi, I need help", "Hello, Ada!"]);
    }

    [Fact]
    public async Task SeveralTurnsOfOneRoom_TwoNodesWorking_EachAnsweredOnceInOrder()
    {
        var front = await OpenNodeAsync();
        await using var rooms = new RoomRepository(front, timeProvider: Clock);
        await rooms.CreateAsync(new EnquiryRoom(Enquiry("ENQ-2"), Clock));
        for (var i = 1; i <= 3; i++)
        {
            await rooms.ExecuteAsync("ENQ-2", context => context.PostVisitorMessage($"question {i}"));
        }

        var clients = new List<ScriptedChatbotClient>();
        var workers = new List<ChatbotTurnWorker>();
        for (var n = 0; n < 2; n++)
        {
            var node = await OpenNodeAsync();
            var client = new ScriptedChatbotClient();
            for (var i = 0; i < 3; i++)
            {
                client.Enqueue((request, cancellationToken) => Answer("answer to " + request.Query, cancellationToken));
            }

            clients.Add(client);
            workers.Add(new ChatbotTurnWorker(Repository(node), node, new ChatbotTurnWorkerOptions { ResolveClient = _ => client }));
        }

        var finished = await Task.WhenAll(workers.Select(worker => worker.ProcessAvailableAsync()));

        finished.Sum().Should().Be(3);
        clients.SelectMany(client => client.Calls).Should().HaveCount(3, "each turn is sent once, by one node");
        (await front.ReadMessagesAsync("ENQ-2", 1, 100)).Select(message => message.Text).Should().Equal(
            "question 1", "question 2", "question 3", "answer to question 1", "answer to question 2", "answer to question 3");
    }

    [Fact]
    public async Task NodeKilledMidReply_AnotherNodeTakesOver_PartialKeptIncompleteNoticePostedNeverResent()
    {
        var front = await OpenNodeAsync();
        await using var rooms = new RoomRepository(front, timeProvider: Clock);
        await rooms.CreateAsync(new EnquiryRoom(Enquiry("ENQ-3"), Clock));
        await rooms.ExecuteAsync("ENQ-3", context => context.PostVisitorMessage("Cancel my order"));

        // A node in a child process takes the turn, shows part of the reply, and is killed before the reply ends.
        await using (var node = TestNode.Start("answer", Schema))
        {
            using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((await front.ReadMessagesAsync("ENQ-3", 0, 100, waiting.Token)).All(message => message.Text != "Partial answer"))
            {
                await Task.Delay(50, waiting.Token);
            }

            await node.KillAsync();
        }

        var survivor = await OpenNodeAsync();
        var client = new ScriptedChatbotClient().EnqueueDeltas("Sent twice!");
        var worker = new ChatbotTurnWorker(Repository(survivor), survivor, new ChatbotTurnWorkerOptions { ResolveClient = _ => client });
        using (var takeover = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            // The dead node's session (and its hold on the room) ends as soon as the server sees its socket close.
            while (await worker.ProcessAvailableAsync(takeover.Token) == 0)
            {
                await Task.Delay(50, takeover.Token);
            }
        }

        client.Calls.Should().BeEmpty("a turn that had started is never sent to the bot again");
        var room = (EnquiryRoom)(await rooms.FindAsync("ENQ-3"))!;
        var partial = room.Messages.Single(message => message.Sender.Id == "chatbot:Test Bot").Content.Should().BeOfType<ChatbotReplyContent>().Which;
        partial.Text.Should().Be("Partial answer");
        partial.State.Should().Be(ChatbotReplyState.Incomplete);
        var notice = room.Messages[^1].Content.Should().BeOfType<SystemMessageContent>().Which;
        notice.SystemKind.Should().Be(SystemMessageKind.ChatbotFailed);
        notice.Text.Should().Contain("not sent again");
        (await worker.ProcessAvailableAsync()).Should().Be(0, "the recovered turn is finished");
    }

    [Fact]
    public async Task CloseKeyword_ClosesTheEnquiryAndShowsNoText()
    {
        var (rooms, worker, client) = await StartAsync("ENQ-4");
        client.EnqueueText("CLOSE_ENQUIRY");
        await rooms.ExecuteAsync("ENQ-4", context => context.PostVisitorMessage("That is all, thanks"));

        (await worker.ProcessAvailableAsync()).Should().Be(1);

        var room = (EnquiryRoom)(await rooms.FindAsync("ENQ-4"))!;
        room.Status.Should().Be(EnquiryStatus.Closed);
        room.Messages.Should().NotContain(message => message.Sender.Id == "chatbot:Test Bot" && message.Text == "CLOSE_ENQUIRY");
    }

    [Fact]
    public async Task TurnOfAnEnquiryAnAgentTookMeanwhile_IsFinishedWithoutACall()
    {
        var (rooms, worker, client) = await StartAsync("ENQ-5");
        await rooms.ExecuteAsync("ENQ-5", context => context.PostVisitorMessage("Hello?"));
        await rooms.ExecuteAsync("ENQ-5", room => { ((EnquiryRoom)room).Accept(RoomMember.Staff("alice", "Alice")); return 0; });

        (await worker.ProcessAvailableAsync()).Should().Be(1);

        client.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task ClientFailingMidReply_KeepsWhatShowedIncompleteAndNeverResends()
    {
        var (rooms, worker, client) = await StartAsync("ENQ-6");
        client.Enqueue((_, cancellationToken) => Failing(cancellationToken));
        await rooms.ExecuteAsync("ENQ-6", context => context.PostVisitorMessage("Track my parcel"));

        (await worker.ProcessAvailableAsync()).Should().Be(1);
        (await worker.ProcessAvailableAsync()).Should().Be(0);

        client.Calls.Should().ContainSingle();
        var room = (EnquiryRoom)(await rooms.FindAsync("ENQ-6"))!;
        room.Messages[^1].Content.Should().BeOfType<ChatbotReplyContent>().Which.Should()
            .Match<ChatbotReplyContent>(content => content.Text == "Your parcel" && content.State == ChatbotReplyState.Incomplete);
    }

    [Fact]
    public async Task RunAsync_TurnQueuedOnAnotherNodeWhileRunning_IsAnsweredThenStopsWhenCancelled()
    {
        var (rooms, worker, client) = await StartAsync("ENQ-7", TimeSpan.FromSeconds(30));
        client.EnqueueDeltas("On my way");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var running = worker.RunAsync(stop.Token);

        await rooms.ExecuteAsync("ENQ-7", context => context.PostVisitorMessage("Anyone there?"));
        while ((await rooms.Store.ReadMessagesAsync("ENQ-7", 0, 100, stop.Token)).All(message => message.Text != "On my way"))
        {
            await Task.Delay(20, stop.Token);
        }

        await stop.CancelAsync();
        await running;
        client.Calls.Should().ContainSingle("the commit's notification woke the worker long before its 30-second poll");
    }

    private async Task<(RoomRepository Rooms, ChatbotTurnWorker Worker, ScriptedChatbotClient Client)> StartAsync(string enquiryId, TimeSpan? poll = null)
    {
        var front = await OpenNodeAsync();
        var rooms = Repository(front);
        await rooms.CreateAsync(new EnquiryRoom(Enquiry(enquiryId), Clock));
        var back = await OpenNodeAsync();
        var client = new ScriptedChatbotClient();
        var worker = new ChatbotTurnWorker(Repository(back), back, new ChatbotTurnWorkerOptions { ResolveClient = _ => client, PollInterval = poll ?? TimeSpan.FromSeconds(1) });
        return (rooms, worker, client);
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> Failing([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return ChatbotReplyUpdate.Delta("Your parcel");
        throw new HttpRequestException("The connection was reset.");
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> Answer(string text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return ChatbotReplyUpdate.Delta(text);
        yield return ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed(text, streamed: true));
    }
}

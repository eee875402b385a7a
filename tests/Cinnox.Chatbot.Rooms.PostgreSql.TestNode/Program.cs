using System.Globalization;
using System.Runtime.CompilerServices;
using Cinnox.Chatbot;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.PostgreSql;
using Cinnox.Chatbot.Rooms.Storage;
using Cinnox.Chatbot.Testing;

// Usage (the connection string comes from CINNOX_TEST_POSTGRES):
//   post <schema> <room> <writer> <count>   waits for a line on stdin, then posts <count> messages as alice
//   answer <schema>                          answers chatbot turns with a bot that sends "Partial answer" and never ends
var connectionString = Environment.GetEnvironmentVariable("CINNOX_TEST_POSTGRES")
    ?? throw new InvalidOperationException("CINNOX_TEST_POSTGRES is not set.");
await using var store = new PostgreSqlRoomStore(new PostgreSqlRoomStoreOptions { ConnectionString = connectionString, Schema = args[1] });
await using var repository = new RoomRepository(store, new RoomRepositoryOptions { MaxConflictRetries = 1000 });
switch (args[0])
{
    case "post":
        Console.WriteLine("READY");
        _ = Console.ReadLine();
        for (var i = 0; i < int.Parse(args[4], CultureInfo.InvariantCulture); i++)
        {
            var text = $"{args[3]}:{i}";
            await repository.ExecuteAsync(args[2], room => room.PostText("alice", text));
        }

        Console.WriteLine("DONE");
        return 0;
    case "answer":
        var client = new ScriptedChatbotClient();
        client.Enqueue((_, cancellationToken) => PartialThenSilence(cancellationToken));
        var worker = new ChatbotTurnWorker(repository, store, new ChatbotTurnWorkerOptions { ResolveClient = _ => client, PollInterval = TimeSpan.FromMilliseconds(100) });
        Console.WriteLine("READY");
        await worker.RunAsync(CancellationToken.None);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown mode {args[0]}.");
        return 2;
}

static async IAsyncEnumerable<ChatbotReplyUpdate> PartialThenSilence([EnumeratorCancellation] CancellationToken cancellationToken)
{
    yield return ChatbotReplyUpdate.Delta("Partial answer");
    await Task.Delay(Timeout.Infinite, cancellationToken);
    yield return ChatbotReplyUpdate.Delta(" never arrives");
}

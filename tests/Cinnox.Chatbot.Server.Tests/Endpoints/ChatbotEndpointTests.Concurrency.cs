using System.Net;

namespace Cinnox.Chatbot.Server.Tests;

public sealed partial class ChatbotEndpointTests
{
    private const int Streams = 200;

    [Fact]
    public async Task TwoHundredStreamsAtOnce_EachIsAnsweredWithItsOwnText()
    {
        // Every handler waits until all 200 are running, so the streams are truly open at the same time.
        var running = 0;
        var allRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (context, _) =>
            ValueTask.FromResult(ChatbotReplies.Stream(Answer(context.Query, context.CancellationToken))));

        var tasks = Enumerable.Range(0, Streams).Select(async i =>
        {
            var (response, events) = await EventStreams.ReadRawAsync(bot, BotServer.PostQuery($"visitor {i}", acceptEventStream: true));
            using (response)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                return (i, Text: EventStreams.DeltaText(events), Final: EventStreams.Message(events[^1].Data).Text);
            }
        }).ToList();
        var results = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var (i, text, final) in results)
        {
            var expected = $"Hello visitor {i}, nice to meet you.";
            text.Should().Be(expected);
            final.Should().Be(expected);
        }

        async IAsyncEnumerable<string> Answer(string query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return "Hello ";
            if (Interlocked.Increment(ref running) == Streams)
            {
                allRunning.TrySetResult();
            }

            await allRunning.Task.WaitAsync(cancellationToken);
            yield return query;
            await Task.Yield();
            yield return ", nice to meet you.";
        }
    }
}

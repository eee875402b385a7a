using System.Net;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>The platform going away mid-reply cancels the handler and leaves the server healthy.</summary>
public sealed partial class ChatbotEndpointTests
{
    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task ClientAbortsMidStream_HandlerTokenIsCancelledAndServerStaysHealthy(Transport transport)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(transport, (context, _) => ValueTask.FromResult(context.Query == "stream"
            ? ChatbotReplies.Stream(Deltas.ThenWait(cancelled, honourToken: true, ["first "], context.CancellationToken))
            : ChatbotReplies.Text("still here")));

        (await bot.HangUpAfterFirstEventAsync(BotServer.PostQuery("stream", acceptEventStream: true))).Should().Contain("first ");

        var finished = await Task.WhenAny(cancelled.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        finished.Should().BeSameAs(cancelled.Task, bot.LogText);
        await bot.WaitForLogAsync(7);
        (await bot.SendAsync(BotServer.PostQuery("ping"))).Text.Should().Be("still here");
    }

    [Fact]
    public async Task ClientAbortsWhileTheServerIsWriting_ServerStopsAndStaysHealthy()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (context, _) => ValueTask.FromResult(context.Query == "flood"
            ? ChatbotReplies.Stream(Flood(cancelled, context.CancellationToken))
            : ChatbotReplies.Text("still here")));

        var response = await bot.Client.SendAsync(BotServer.PostQuery("flood", acceptEventStream: true), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        (await body.ReadAsync(buffer)).Should().BePositive();
        response.Dispose();

        var finished = await Task.WhenAny(cancelled.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        finished.Should().BeSameAs(cancelled.Task, bot.LogText);
        (await bot.SendAsync(BotServer.PostQuery("ping"))).Text.Should().Be("still here");

        static async IAsyncEnumerable<string> Flood(TaskCompletionSource cancelled, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var piece = new string('x', 1000);
            try
            {
                for (var i = 0; i < 1_000_000 && !cancellationToken.IsCancellationRequested; i++)
                {
                    if (i % 64 == 0)
                    {
                        await Task.Yield();
                    }

                    yield return piece;
                }
            }
            finally
            {
                // Observed here rather than by a registration, which the end of the loop could dispose before it ran.
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled.TrySetResult();
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task ClientAbortsBeforeTheReply_HandlerTokenIsCancelled(Transport transport)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(transport, async (context, cancellationToken) =>
        {
            if (context.Query != "slow")
            {
                return ChatbotReplies.Text("still here");
            }

            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return ChatbotReplies.Text("never");
        });

        using var aborting = new CancellationTokenSource();
        var sending = bot.Client.SendAsync(BotServer.PostQuery("slow"), aborting.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await aborting.CancelAsync();

        await FluentActions.Awaiting(() => sending).Should().ThrowAsync<OperationCanceledException>();
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await bot.SendAsync(BotServer.PostQuery("ping"))).Status.Should().Be(HttpStatusCode.OK);
    }
}

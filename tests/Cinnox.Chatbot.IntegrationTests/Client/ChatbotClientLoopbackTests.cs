using System.Text;
using System.Text.Json;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>The client against real Kestrel bots on loopback: real sockets, real chunking, real aborts.</summary>
public class ChatbotClientLoopbackTests(LoopbackBotHost server) : IClassFixture<LoopbackBotHost>
{
    private static readonly TimeSpan AbortWait = TimeSpan.FromSeconds(10);

    public static TheoryData<string, int> NewlinesAndPieces
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var newline in new[] { "\\n", "\\r\\n", "\\r" })
            {
                data.Add(newline, 1);
                data.Add(newline, 5);
                data.Add(newline, int.MaxValue);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NewlinesAndPieces))]
    public async Task StreamAsync_StreamInAnyNewlineStyleAndPieces_ArrivesAsDeltas(string newline, int pieces)
    {
        var nl = newline.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            var body = ": hello" + nl + nl +
                       "event: message" + nl + "id: 1" + nl + "data: {\"message\":{\"type\":1," + nl + "data: \"text\":\"Grüß \",\"streamType\":\"delta\"}}" + nl + nl +
                       "event: typing" + nl + "data: {}" + nl + nl +
                       "data: {\"message\":{\"type\":1,\"text\":\"你好 👋\",\"streamType\":\"delta\"}}" + nl + nl +
                       "data: {\"message\":{\"type\":1,\"text\":\"\",\"streamType\":\"done\"}}" + nl + nl;
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, body, pieces);
        });
        await using var factory = new ClientFactory(url);

        var deltas = new List<string>();
        ChatbotReply? reply = null;
        await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
        {
            if (update.Kind == ChatbotReplyUpdateKind.Delta)
            {
                deltas.Add(update.Text);
            }

            reply = update.Reply ?? reply;
        }

        deltas.Should().Equal("Grüß ", "你好 👋");
        reply!.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("Grüß 你好 👋");
        reply.Streamed.Should().BeTrue();
        reply.Warnings.Should().BeEmpty();
        reply.Timings.TimeToFirstDelta.Should().NotBeNull();
    }

    [Fact]
    public async Task SendAsync_StreamWithBadEventsAdvancedMessagesAndUnknownTypes_KeepsGoing()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response,
                Event("{\"message\":{\"type\":1,\"text\":\"one \",\"streamType\":\"delta\"}}") +
                Event("{oops") +
                Event(SeedExamples.Text("reply-advanced-bubble-text").ReplaceLineEndings(string.Empty)) +
                Event("{\"message\":{\"type\":1,\"text\":\"two\",\"streamType\":\"token\"}}") +
                Event("{\"message\":{\"type\":1,\"text\":\"one two\",\"streamType\":\"FINAL\"}}") +
                Event("{\"message\":{\"type\":1,\"text\":\" late\",\"streamType\":\"delta\"}}"));
        });
        await using var factory = new ClientFactory(url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("one two");
        reply.Warnings.Select(warning => warning.Code).Should().Equal(
            ChatbotWarningCodes.MalformedEvent, ChatbotWarningCodes.AdvancedMessageInStream,
            ChatbotWarningCodes.UnknownStreamType, ChatbotWarningCodes.EventAfterFinal);
    }

    [Fact]
    public async Task SendAsync_DoneSentinelFromABotThatKeepsTheConnectionOpen_CompletesAndHangsUp()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, Event("{\"message\":{\"type\":1,\"text\":\"bye\",\"streamType\":\"delta\"}}") + "data: [DONE]\n\n");
            await WaitForAbortAsync(context, aborted);
        });
        await using var factory = new ClientFactory(url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("bye");
        await aborted.Task.WaitAsync(AbortWait);
    }

    [Fact]
    public async Task SendAsync_StreamToANonStreamingRequest_IsReadAsAStream()
    {
        var url = server.Map(async context =>
        {
            context.Request.Headers.Accept.ToString().Should().Be("application/json");
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, Event("{\"message\":{\"type\":1,\"text\":\"streamed anyway\"}}"));
        });
        await using var factory = new ClientFactory(url, streaming: false);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeTrue();
        reply.Text.Should().Be("streamed anyway");
    }

    [Fact]
    public async Task SendAsync_ExternalChannel_AsksForJson()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"message\":{\"type\":1,\"text\":\"" + context.Request.Headers.Accept + "\"}}");
        });
        await using var factory = new ClientFactory(url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"), new ChatbotSendOptions { IsExternalChannel = true });

        reply.Text.Should().Be("application/json");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendAsync_NoContentType_IsReadByItsFirstByte(bool json)
    {
        var url = server.Map(async context =>
        {
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, json
                ? "\n  " + SeedExamples.Text("reply-text")
                : Event("{\"message\":{\"type\":1,\"text\":\"sniffed\"}}"), 2);
        });
        await using var factory = new ClientFactory(url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().Be(!json);
        reply.Text.Should().Be(json ? "Please contact our customer service support." : "sniffed");
    }

    [Fact]
    public async Task StreamAsync_BotAbortsMidStream_IsInterruptedAndNotRetried()
    {
        var attempts = 0;
        var firstDeltaSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            Interlocked.Increment(ref attempts);
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, Event("{\"message\":{\"type\":1,\"text\":\"half an an\",\"streamType\":\"delta\"}}") + "data: {\"mess");
            await firstDeltaSeen.Task.WaitAsync(AbortWait);
            context.Abort();
        });
        await using var factory = new ClientFactory(url);

        ChatbotReply? reply = null;
        await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
        {
            firstDeltaSeen.TrySetResult();
            reply = update.Reply ?? reply;
        }

        reply!.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Text.Should().Be("half an an");
        reply.StatusCode.Should().Be(200);
        attempts.Should().Be(1, "a reply that began is never sent again");
    }

    [Fact]
    public async Task SendAsync_BotThatNeverSendsHeaders_TimesOutAndHangsUp()
    {
        var time = new FakeTimeProvider();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            received.TrySetResult();
            await WaitForAbortAsync(context, aborted);
        });
        await using var factory = new ClientFactory(url, time: time);

        var call = factory.Client.SendAsync(new ChatbotRequest("hi"));
        await received.Task.WaitAsync(AbortWait);
        time.Advance(TimeSpan.FromSeconds(30));
        var reply = await call.WaitAsync(AbortWait);

        reply.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        reply.StatusCode.Should().BeNull();
        await aborted.Task.WaitAsync(AbortWait);
    }

    [Fact]
    public async Task SendAsync_BotThatStallsMidStream_TimesOutWithThePartialText()
    {
        var time = new FakeTimeProvider();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, Event("{\"message\":{\"type\":1,\"text\":\"thinking…\",\"streamType\":\"delta\"}}"));
            await WaitForAbortAsync(context, aborted);
        });
        await using var factory = new ClientFactory(url, time: time);

        var deltas = Channel();
        var call = Task.Run(async () =>
        {
            ChatbotReply? last = null;
            await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
            {
                if (update.Kind == ChatbotReplyUpdateKind.Delta)
                {
                    deltas.TrySetResult(update.Text);
                }

                last = update.Reply ?? last;
            }

            return last!;
        });
        (await deltas.Task.WaitAsync(AbortWait)).Should().Be("thinking…");
        time.Advance(TimeSpan.FromSeconds(30));
        var reply = await call.WaitAsync(AbortWait);

        reply.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        reply.Text.Should().Be("thinking…");
        await aborted.Task.WaitAsync(AbortWait);
    }

    [Fact]
    public async Task StreamAsync_BotKeepsTheStreamOpenAfterTheFinalEvent_CompletesAfterTheDrainTimeAndHangsUp()
    {
        var time = new FakeTimeProvider();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response,
                Event("{\"message\":{\"type\":1,\"text\":\"Hello \",\"streamType\":\"delta\"}}") +
                Event("{\"message\":{\"type\":1,\"text\":\"Hello world\",\"streamType\":\"final\"}}"));
            await WaitForAbortAsync(context, aborted);
        });
        await using var factory = new ClientFactory(url, time: time);

        var whole = Channel();
        var call = Task.Run(async () =>
        {
            ChatbotReply? last = null;
            await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
            {
                if (update.Kind == ChatbotReplyUpdateKind.Replace)
                {
                    whole.TrySetResult(update.Text);
                }

                last = update.Reply ?? last;
            }

            return last!;
        });
        (await whole.Task.WaitAsync(AbortWait)).Should().Be("Hello world");

        time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(100);
        call.IsCompleted.Should().BeFalse("the bot still has time to end the stream itself");
        time.Advance(TimeSpan.FromSeconds(0.1));
        var reply = await call.WaitAsync(AbortWait);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("Hello world");
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.StreamKeptOpen);
        await aborted.Task.WaitAsync(AbortWait);
    }

    [Fact]
    public async Task SendAsync_BotKeepsTheStreamOpenAfterTheFinalEvent_WithZeroDrainTime_CompletesAtOnce()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, Event("{\"message\":{\"type\":1,\"text\":\"Done.\"}}"));
            await WaitForAbortAsync(context, aborted);
        });
        await using var factory = new ClientFactory(url, destination => destination.Limits.FinalEventDrainTime = TimeSpan.Zero);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi")).WaitAsync(AbortWait);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("Done.");
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.StreamKeptOpen);
        await aborted.Task.WaitAsync(AbortWait);
    }

    [Theory]
    [InlineData(0, ChatbotOutcome.Completed)]
    [InlineData(1, ChatbotOutcome.EventTooLarge)]
    public async Task SendAsync_EventAtAndOnePastTheEventLimit(int over, ChatbotOutcome expected)
    {
        var small = Event("{\"message\":{\"type\":1,\"text\":\"small \",\"streamType\":\"delta\"}}");
        var prefix = "data: {\"message\":{\"type\":1,\"text\":\"";
        var suffix = "\",\"streamType\":\"delta\"}}\n\n";
        var big = prefix + new string('b', 2048 + over - prefix.Length - suffix.Length) + suffix;
        Encoding.UTF8.GetByteCount(big).Should().Be(2048 + over);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, small + big + small, 700);
            if (over > 0)
            {
                await WaitForAbortAsync(context, aborted);
            }
        });
        await using var factory = new ClientFactory(url);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(expected);
        reply.Text.Should().Be(over == 0 ? "small " + new string('b', 2048 - prefix.Length - suffix.Length) + "small " : "small ");
        if (over > 0)
        {
            await aborted.Task.WaitAsync(AbortWait);
        }
    }

    [Theory]
    [InlineData(0, ChatbotOutcome.Completed)]
    [InlineData(1, ChatbotOutcome.ResponseTooLarge)]
    public async Task SendAsync_ResponseAtAndOnePastTheResponseLimit(int over, ChatbotOutcome expected)
    {
        var one = Event("{\"message\":{\"type\":1,\"text\":\"x\",\"streamType\":\"delta\"}}");
        var body = string.Concat(Enumerable.Repeat(one, 40));
        var limit = Encoding.UTF8.GetByteCount(body) - over;
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response, body, 333);
        });
        await using var factory = new ClientFactory(url, configure: destination => destination.Limits.MaxResponseBytes = limit);

        var reply = await factory.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(expected);
        reply.Text.Should().Be(new string('x', over == 0 ? 40 : 39));
        reply.BytesRead.Should().Be(limit);
    }

    [Fact]
    public async Task StreamAsync_CallerCancels_TheBotSeesTheConnectionClose()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = MapFirstDeltaThenWait(aborted);
        await using var factory = new ClientFactory(url);
        using var cancellation = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi"), cancellationToken: cancellation.Token))
            {
                update.Text.Should().Be("first");
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
        await aborted.Task.WaitAsync(AbortWait);
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsEarly_TheBotSeesTheConnectionClose()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = MapFirstDeltaThenWait(aborted);
        await using var factory = new ClientFactory(url);

        await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi")))
        {
            break;
        }

        await aborted.Task.WaitAsync(AbortWait);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsMidStream_IsInterruptedAndTheBotSeesTheClose()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = MapFirstDeltaThenWait(aborted, () => sent.TrySetResult());
        await using var factory = new ClientFactory(url);
        using var cancellation = new CancellationTokenSource();

        var call = factory.Client.SendAsync(new ChatbotRequest("hi"), cancellationToken: cancellation.Token);
        await sent.Task.WaitAsync(AbortWait);
        await factory.HeadersArrived.WaitAsync(AbortWait);
        await cancellation.CancelAsync();
        var reply = await call.WaitAsync(AbortWait);

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        await aborted.Task.WaitAsync(AbortWait);
    }

    private static string Event(string data) => "data: " + data + "\n\n";

    /// <summary>Maps a bot that streams one delta, "first", then waits until the client hangs up.</summary>
    private Uri MapFirstDeltaThenWait(TaskCompletionSource aborted, Action? sent = null) => server.Map(async context =>
    {
        context.Response.ContentType = "text/event-stream";
        await LoopbackBotHost.WriteInPiecesAsync(context.Response, Event("{\"message\":{\"type\":1,\"text\":\"first\",\"streamType\":\"delta\"}}"));
        sent?.Invoke();
        await WaitForAbortAsync(context, aborted);
    });

    private static TaskCompletionSource<string> Channel() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task WaitForAbortAsync(HttpContext context, TaskCompletionSource aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            aborted.TrySetResult();
        }
    }
}

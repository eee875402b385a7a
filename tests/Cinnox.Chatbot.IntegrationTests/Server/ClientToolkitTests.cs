using System.Runtime.CompilerServices;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Server;

/// <summary>
/// The SDK's client and the server toolkit talking over loopback in every mode: JSON, Server-Sent Events, the
/// legacy format, the fall back to JSON, the limits, and advanced messages.
/// </summary>
public sealed class ClientToolkitTests
{
    private const string Whole = "Grüß dich! 你好 \U0001F600 \"quoted\" \\ done.";

    private static readonly string[] Pieces = ["Grüß ", "dich! ", "你好 \uD83D", "\uDE00 \"quoted\"", " \\ done."];

    [Fact]
    public async Task Json_TextReply_Completes()
    {
        await using var bot = await ToolkitBot.StartAsync((context, _) => ValueTask.FromResult(ChatbotReplies.Text($"echo: {context.Query}")));
        await using var platform = new PlatformClient(bot.Url, streaming: false);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hello"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeFalse();
        reply.Text.Should().Be("echo: hello");
        reply.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(ChatbotStreamCompletion.FinalEvent)]
    [InlineData(ChatbotStreamCompletion.DoneSentinel)]
    [InlineData(ChatbotStreamCompletion.None)]
    public async Task Sse_StreamedReply_CompletesWithTheWholeText(ChatbotStreamCompletion completion)
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Yielding(Pieces))),
            options => options.StreamCompletion = completion);
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeTrue();
        reply.Text.Should().Be(Whole);
        reply.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Sse_StreamAsync_YieldsEachDeltaAsItComes()
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Yielding("one ", "two ", "three"))));
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in platform.Client.StreamAsync(new ChatbotRequest("hi")))
        {
            updates.Add(update);
        }

        updates.Where(u => u.Kind == ChatbotReplyUpdateKind.Delta).Select(u => u.Text).Should().Equal("one ", "two ", "three");
        updates[^1].Kind.Should().Be(ChatbotReplyUpdateKind.Completed);
        updates[^1].Reply!.Text.Should().Be("one two three");
    }

    [Fact]
    public async Task Legacy_RequestFormat_IsReadByTheToolkit()
    {
        await using var bot = await ToolkitBot.StartAsync((context, _) =>
            ValueTask.FromResult(ChatbotReplies.Text($"legacy={context.IsLegacyFormat} query={context.Query}")));
        await using var platform = new PlatformClient(bot.Url, streaming: false, destination => destination.RequestFormat = ChatbotRequestFormat.Legacy);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("old style"));

        reply.Text.Should().Be("legacy=True query=old style");
    }

    [Fact]
    public async Task Context_ParametersAndEnquiry_ReachTheHandler()
    {
        await using var bot = await ToolkitBot.StartAsync((context, _) => ValueTask.FromResult(ChatbotReplies.Text(
            $"{context.InquiryId}|{context.Context.VisitorName}|{context.Context.ChannelType}|{string.Join(',', context.QueryParams.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}")));
        await using var platform = new PlatformClient(bot.Url, streaming: false, destination => destination.UrlParameters["tenant"] = "t1");

        var request = new ChatbotRequest("hi") { InquiryId = "enq-9" };
        request.Context.VisitorName = "Ann";
        request.Context.ChannelType = "WEB_WIDGET";
        request.QueryParams["lang"] = "en";
        var reply = await platform.Client.SendAsync(request);

        reply.Text.Should().Be("enq-9|Ann|WEB_WIDGET|lang=en,tenant=t1");
    }

    [Fact]
    public async Task Fallback_AdvancedReplyToAStreamingRequest_ArrivesAsJson()
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Advanced(message => message
            .AddBubble(bubble => bubble.AddText(title: "Title", text: "Body").AddImage("https://example.com/a.png").AddPostbackButton("Yes", "yes"))
            .AddQuickReply(reply => reply.AddButton("Agent", ButtonAction.DirectTransfer())))));
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("card"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeFalse("advanced messages are always JSON");
        reply.Message.Should().BeOfType<ChatbotAdvancedMessage>().Which.AdvancedItems.Should().HaveCount(2);
        reply.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Fallback_ExternalChannel_GetsTheStreamCollectedIntoJson()
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Yielding(Pieces))));
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"), new ChatbotSendOptions { IsExternalChannel = true });

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeFalse();
        reply.Text.Should().Be(Whole);
    }

    [Theory]
    [InlineData(true, ChatbotAction.DirectTransfer)]
    [InlineData(false, ChatbotAction.CloseEnquiry)]
    public async Task Keywords_BecomeActions(bool transfer, ChatbotAction expected)
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(transfer ? ChatbotReplies.DirectTransfer() : ChatbotReplies.CloseEnquiry()));
        await using var platform = new PlatformClient(bot.Url, streaming: true, destination => destination.TransferToLiveAgent = true);

        (await platform.Client.SendAsync(new ChatbotRequest("bye"))).Action.Should().Be(expected);
    }

    [Fact]
    public async Task Limits_ServerGuardsKeepALongReplyInsideThePlatformsLimits()
    {
        // Both sides agree on small limits; the bot produces far more than fits.
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"token{i} é中\U0001F600 "));
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Yielding(text))), options =>
        {
            options.Limits.MaxEventBytes = 2048;
            options.Limits.MaxResponseBytes = 8192;
        });
        await using var platform = new PlatformClient(bot.Url, streaming: true, destination =>
        {
            destination.Limits.MaxEventBytes = 2048;
            destination.Limits.MaxResponseBytes = 8192;
        });

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed, "the bot never sends an event or a response the platform would refuse");
        reply.BytesRead.Should().BeLessThanOrEqualTo(8192);
        text.Should().StartWith(reply.Text);
        reply.Text.Length.Should().BeGreaterThan(1000);
        reply.Text.Should().NotContain("\uFFFD");
    }

    [Fact]
    public async Task Limits_CollectedReplyStaysInsideTheResponseLimit()
    {
        var text = new string('x', 20_000);
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Yielding(text))),
            options => options.Limits.MaxResponseBytes = 8192);
        await using var platform = new PlatformClient(bot.Url, streaming: false, destination => destination.Limits.MaxResponseBytes = 8192);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.BytesRead.Should().Be(8192);
        text.Should().StartWith(reply.Text);
    }

    [Fact]
    public async Task Limits_TimeBudgetEndsTheStreamCleanly()
    {
        var time = new FakeTimeProvider();
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Stalling(firstSent))),
            options => options.Limits.TotalResponseTime = TimeSpan.FromSeconds(5), time);
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var sending = platform.Client.SendAsync(new ChatbotRequest("hi"));
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        var reply = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("so far");
    }

    [Fact]
    public async Task HandlerFailureMidStream_IsInterruptedWithTheTextKept()
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Failing())));
        await using var platform = new PlatformClient(bot.Url, streaming: true, destination => destination.Limits.TotalResponseTime = TimeSpan.FromSeconds(30));

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.IsPartial.Should().BeTrue();
        reply.Text.Should().Be("partial ");
    }

    [Fact]
    public async Task HandlerFailureRightAfterReadyPieces_StillDeliversEveryPieceThenInterrupts()
    {
        // The pieces are ready at once, so they leave together; the failure comes before any wait. Every piece
        // written must still reach the platform before the connection is closed.
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(FailingAfterReadyPieces())));
        await using var platform = new PlatformClient(bot.Url, streaming: true, destination => destination.Limits.TotalResponseTime = TimeSpan.FromSeconds(30));

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"));

            reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
            reply.Text.Should().Be("one two three ");
        }
    }

    [Fact]
    public async Task HandlerFailureBeforeAnyText_IsAnHttpErrorWithAProblem()
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => throw new InvalidOperationException("secret detail"));
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var reply = await platform.Client.SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        reply.StatusCode.Should().Be(500);
        reply.ErrorBodyExcerpt.Should().Contain("\"status\":500").And.NotContain("secret detail");
    }

    [Fact]
    public async Task KeepAliveComments_AreIgnoredByTheClient()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Pausing(firstSent, release.Task))),
            options => options.KeepAliveInterval = TimeSpan.FromSeconds(1), time);
        await using var platform = new PlatformClient(bot.Url, streaming: true);

        var sending = platform.Client.SendAsync(new ChatbotRequest("hi"));
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 2);
        time.Advance(TimeSpan.FromSeconds(1));
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 2);
        time.Advance(TimeSpan.FromSeconds(1));
        release.SetResult();
        var reply = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Text.Should().Be("before after");
        reply.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Authentication_BearerKeyFromTheDestinationHeaders()
    {
        await using var bot = await ToolkitBot.StartAsync((_, _) => ValueTask.FromResult(ChatbotReplies.Text("in")), options => options.RequireBearerToken("k-1"));
        await using var allowed = new PlatformClient(bot.Url, streaming: true, destination => destination.Headers["Authorization"] = "Bearer k-1");
        await using var refused = new PlatformClient(bot.Url, streaming: true, destination => destination.Headers["Authorization"] = "Bearer k-2");

        (await allowed.Client.SendAsync(new ChatbotRequest("hi"))).Text.Should().Be("in");
        var failed = await refused.Client.SendAsync(new ChatbotRequest("hi"));
        failed.Outcome.Should().Be(ChatbotOutcome.HttpError);
        failed.StatusCode.Should().Be(401);
    }

    [Theory]
    [InlineData("agent", true)]
    [InlineData("card", true)]
    [InlineData("menu", false)]
    [InlineData("list", true)]
    [InlineData("carousel", false)]
    public async Task ShowcaseBot_EveryReplyIsValidForTheClient(string query, bool streaming)
    {
        await using var bot = await ToolkitBot.StartShowcaseAsync();
        await using var platform = new PlatformClient(bot.Url, streaming, destination => destination.TransferToLiveAgent = true);

        var reply = await platform.Client.SendAsync(new ChatbotRequest(query));

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Warnings.Should().BeEmpty();
        ChatbotMessageValidator.IsValid(reply.Message!).Should().BeTrue();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ShowcaseBot_EchoAndWhoAmI_WithAndWithoutStreaming(bool streaming)
    {
        await using var bot = await ToolkitBot.StartShowcaseAsync(apiKey: "sample-key");
        await using var platform = new PlatformClient(bot.Url, streaming, destination =>
        {
            destination.Headers["Authorization"] = "Bearer sample-key";
            destination.UrlParameters["tenant"] = "t1";
        });

        var echo = await platform.Client.SendAsync(new ChatbotRequest("stream this please"));
        var request = new ChatbotRequest("whoami");
        request.Context.VisitorName = "Ann";
        request.Context.ChannelType = "WEB_WIDGET";
        var whoami = await platform.Client.SendAsync(request);

        echo.Outcome.Should().Be(ChatbotOutcome.Completed);
        echo.Streamed.Should().Be(streaming);
        echo.Text.Should().Be("You said: stream this please");
        whoami.Text.Should().Contain("Ann").And.Contain("WEB_WIDGET").And.Contain("tenant");
    }

    private static async IAsyncEnumerable<string> Yielding(params string[] pieces)
    {
        foreach (var piece in pieces)
        {
            await Task.Yield();
            yield return piece;
        }
    }

    private static async IAsyncEnumerable<string> Stalling(TaskCompletionSource firstSent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return "so far";
        firstSent.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield return "never";
    }

    private static async IAsyncEnumerable<string> Pausing(TaskCompletionSource firstSent, Task release)
    {
        yield return "before ";
        firstSent.TrySetResult();
        await release;
        yield return "after";
    }

#pragma warning disable CS1998 // Every piece is ready at once, then the handler fails without waiting.
    private static async IAsyncEnumerable<string> FailingAfterReadyPieces()
    {
        yield return "one ";
        yield return "two ";
        yield return "three ";
        throw new InvalidOperationException("the model went away");
    }
#pragma warning restore CS1998

    private static async IAsyncEnumerable<string> Failing()
    {
        yield return "partial ";
        await Task.Yield();
        throw new InvalidOperationException("the model went away");
    }
}

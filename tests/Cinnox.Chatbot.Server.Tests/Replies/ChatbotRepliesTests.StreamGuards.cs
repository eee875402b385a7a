using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>The limits (docs/protocol.md#limits), kept by the toolkit, tested at their boundaries with small limits.</summary>
public sealed partial class ChatbotRepliesTests
{
    private const int EventLimit = 2048;
    private static readonly int Overhead = ReplyFraming.EventOverhead;

    public static TheoryData<string, int> Characters => new()
    {
        { "a", 1 },
        { "\"", 2 },
        { "\n", 2 },
        { "é", 2 },
        { "中", 3 },
        { "\u0001", 6 },
        { "\U0001F600", 12 },
    };

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task Delta_WhoseEventIsExactlyTheLimit_IsOneEvent(string character, int escapedBytes)
    {
        var count = (EventLimit - Overhead) / escapedBytes;
        var text = Repeat(character, count);
        var padding = (EventLimit - Overhead) - (count * escapedBytes);
        text = new string('a', padding) + text;
        await using var bot = await StartAsync(text);

        var (_, events) = await EventStreams.ReadRawAsync(bot, BotServer.PostQuery("hi", acceptEventStream: true));

        var deltas = events.Where(e => EventStreams.Message(e.Data).StreamType!.Value.IsDelta).ToList();
        deltas.Should().ContainSingle();
        deltas[0].WireBytes.Should().Be(EventLimit);
        EventStreams.DeltaText(events).Should().Be(text);
    }

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task Delta_OneCharacterOverTheLimit_IsSplitWithoutBreakingACharacter(string character, int escapedBytes)
    {
        var count = ((EventLimit - Overhead) / escapedBytes) + 1;
        var text = Repeat(character, count);
        await using var bot = await StartAsync(text);

        var (_, events) = await EventStreams.ReadRawAsync(bot, BotServer.PostQuery("hi", acceptEventStream: true));

        events.Should().OnlyContain(e => e.WireBytes <= EventLimit);
        var deltas = events.Where(e => e.Data != "[DONE]").Select(e => EventStreams.Message(e.Data)).Where(m => m.StreamType!.Value.IsDelta).ToList();
        deltas.Should().HaveCount(2);
        deltas.Should().OnlyContain(m => !m.Text!.Contains('\uFFFD') && m.Text.Length > 0);
        string.Concat(deltas.Select(m => m.Text)).Should().Be(text);
        events[^1].Data.Should().Be("[DONE]", "the whole text no longer fits in one final event");
    }

    [Fact]
    public async Task Delta_ManyTimesTheLimit_IsSplitIntoFullEvents()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i} é中\U0001F600\"\\ "));
        await using var bot = await StartAsync(text);

        var (_, events) = await EventStreams.ReadRawAsync(bot, BotServer.PostQuery("hi", acceptEventStream: true));

        events.Should().OnlyContain(e => e.WireBytes <= EventLimit);
        events.SkipLast(2).Should().OnlyContain(e => e.WireBytes > EventLimit - 12, "each event is filled as far as a whole character allows");
        EventStreams.DeltaText(events).Should().Be(text);
    }

    [Theory]
    [InlineData(ChatbotStreamCompletion.DoneSentinel)]
    [InlineData(ChatbotStreamCompletion.None)]
    public async Task Stream_ExactlyAtTheResponseLimit_IsWhole(ChatbotStreamCompletion completion)
    {
        var pieces = new[] { new string('a', 1000), new string('b', 1000), new string('c', 1000) };
        var limit = (3 * (Overhead + 1000)) + (completion == ChatbotStreamCompletion.None ? 0 : ReplyFraming.DoneEventBytes);
        await using var bot = await StartAsync(pieces, options =>
        {
            options.Limits.MaxResponseBytes = limit;
            options.StreamCompletion = completion;
        });

        using var response = await bot.Client.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true));
        var body = await response.Content.ReadAsByteArrayAsync();

        body.Length.Should().Be(limit);
        EventStreams.DeltaText(await SseLineReader.ReadAllAsync(new MemoryStream(body))).Should().Be(string.Concat(pieces));
        bot.ToolkitLogs.Should().NotContain(e => e.Id.Id == 5);
    }

    [Theory]
    [InlineData(ChatbotStreamCompletion.DoneSentinel)]
    [InlineData(ChatbotStreamCompletion.FinalEvent)]
    [InlineData(ChatbotStreamCompletion.None)]
    public async Task Stream_OneByteOverTheResponseLimit_EndsCleanlyWithinItAndStopsTheHandler(ChatbotStreamCompletion completion)
    {
        var pieces = new[] { new string('a', 1000), new string('b', 1000), new string('c', 1000) };
        var reserve = completion == ChatbotStreamCompletion.None ? 0 : ReplyFraming.DoneEventBytes;
        var limit = (3 * (Overhead + 1000)) + reserve - 1;
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (_, _) =>
            ValueTask.FromResult(ChatbotReplies.Stream(Deltas.ThenWait(cancelled, honourToken: true, pieces))), options =>
        {
            options.Limits.MaxEventBytes = EventLimit;
            options.Limits.MaxResponseBytes = limit;
            options.StreamCompletion = completion;
        });

        using var response = await bot.Client.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true));
        var body = await response.Content.ReadAsByteArrayAsync();
        var events = await SseLineReader.ReadAllAsync(new MemoryStream(body));

        body.Length.Should().Be(limit, "the last piece is cut to fill what is left");
        EventStreams.DeltaText(events).Should().Be(string.Concat(pieces)[..^1]);
        if (completion != ChatbotStreamCompletion.None)
        {
            events[^1].Data.Should().Be("[DONE]", "the stream still ends cleanly");
        }

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await bot.WaitForLogAsync(5)).Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task Stream_FinalEvent_IsSentOnlyWhenItFitsTheResponse()
    {
        var pieces = new[] { new string('a', 300), new string('b', 300) };
        var withFinal = (2 * (Overhead + 300)) + Overhead + 600;
        await using var fits = await StartAsync(pieces, options => options.Limits.MaxResponseBytes = withFinal);
        await using var tight = await StartAsync(pieces, options => options.Limits.MaxResponseBytes = withFinal - 1);

        var (_, whole) = await EventStreams.ReadRawAsync(fits, BotServer.PostQuery("hi", acceptEventStream: true));
        var (_, done) = await EventStreams.ReadRawAsync(tight, BotServer.PostQuery("hi", acceptEventStream: true));

        EventStreams.Message(whole[^1].Data).Text.Should().Be(string.Concat(pieces));
        done[^1].Data.Should().Be("[DONE]");
        EventStreams.DeltaText(done).Should().Be(string.Concat(pieces));
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task CollectedStream_AtAndOverTheResponseLimit(Transport transport)
    {
        const int Limit = 4096;
        var room = Limit - ChatbotWire.TextPrefix.Length - ChatbotWire.MessageSuffix.Length;
        await using var bot = await BotServer.StartAsync(transport, (context, _) =>
            ValueTask.FromResult(ChatbotReplies.Stream(Deltas.Of(new string('x', int.Parse(context.Query, System.Globalization.CultureInfo.InvariantCulture) - 1), "é"))),
            options => options.Limits.MaxResponseBytes = Limit);

        var atLimit = await bot.SendAsync(BotServer.PostQuery((room - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Encoding.UTF8.GetByteCount(atLimit.Body).Should().Be(Limit);
        atLimit.Text.Should().EndWith("é");
        bot.ToolkitLogs.Should().NotContain(e => e.Id.Id == 5);

        var over = await bot.SendAsync(BotServer.PostQuery(room.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Encoding.UTF8.GetByteCount(over.Body).Should().Be(Limit - 1, "'é' takes two bytes and is never cut in half");
        over.Text.Should().Be(new string('x', room - 1));
        (await bot.WaitForLogAsync(5)).Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task Message_OverTheResponseLimit_Answers500()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) => ValueTask.FromResult(ChatbotReplies.Text(new string('x', 600))),
            options => options.Limits.MaxResponseBytes = 600);

        ChatbotEndpointTests.AssertProblem(await bot.SendAsync(BotServer.PostQuery("hi")), HttpStatusCode.InternalServerError);
        bot.ToolkitLogs.Should().ContainSingle(e => e.Id.Id == 8);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stream_OutlastingTheTimeBudget_EndsCleanlyAndIsLogged(bool honoursToken)
    {
        var time = new FakeTimeProvider();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (_, _) =>
            ValueTask.FromResult(ChatbotReplies.Stream(Deltas.ThenWait(cancelled, honoursToken, ["first"]))),
            options => options.Limits.TotalResponseTime = TimeSpan.FromSeconds(2), time);

        using var response = await bot.Client.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var events = SseLineReader.ReadAsync(body).GetAsyncEnumerator();
        (await events.MoveNextAsync()).Should().BeTrue();
        time.Advance(TimeSpan.FromSeconds(2));
        var rest = new List<SseLineReader.RawEvent>();
        while (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            rest.Add(events.Current);
        }

        rest.Should().ContainSingle().Which.Data.Should().Contain("\"streamType\":\"final\"").And.Contain("first");
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await bot.WaitForLogAsync(6)).Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task CollectedStream_OutlastingTheTimeBudget_SendsWhatItHas()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (_, _) =>
            ValueTask.FromResult(ChatbotReplies.Stream(Deltas.ThenWait(started, honourToken: true, ["so far"]))),
            options => options.Limits.TotalResponseTime = TimeSpan.FromSeconds(2), time);

        var sending = bot.SendAsync(BotServer.PostQuery("hi"));
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 1);
        time.Advance(TimeSpan.FromSeconds(2));
        var answer = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        answer.Text.Should().Be("so far");
        bot.ToolkitLogs.Should().Contain(e => e.Id.Id == 6);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Stream_OfEmptyTextsThatNeverWaits_IsEndedByTheTimeBudget(bool acceptEventStream, bool textFirst)
    {
        var time = new FakeTimeProvider();
        string[] first = textFirst ? ["first"] : [];
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (_, _) =>
            ValueTask.FromResult(ChatbotReplies.Stream(Deltas.ThenEmptyForever(first))),
            options => options.Limits.TotalResponseTime = TimeSpan.FromSeconds(2), time);

        var sending = bot.SendAsync(BotServer.PostQuery("hi", acceptEventStream));
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 1);
        time.Advance(TimeSpan.FromSeconds(2));
        var answer = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        if (!textFirst)
        {
            answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
            return;
        }

        answer.Status.Should().Be(HttpStatusCode.OK);
        if (acceptEventStream)
        {
            var events = await SseLineReader.ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes(answer.Body)));
            EventStreams.DeltaText(events).Should().Be("first");
            events[^1].Data.Should().Contain("\"streamType\":\"final\"");
        }
        else
        {
            answer.Text.Should().Be("first");
        }

        bot.ToolkitLogs.Should().Contain(e => e.Id.Id == 6);
    }

    [Fact]
    public async Task KeepAlive_WhileWaiting_WritesCommentsThatCountAsNothing()
    {
        var time = new FakeTimeProvider();
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Slow(next.Task))),
            options => options.KeepAliveInterval = TimeSpan.FromSeconds(5), time);

        using var response = await bot.Client.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var events = SseLineReader.ReadAsync(body).GetAsyncEnumerator();
        (await events.MoveNextAsync()).Should().BeTrue();
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 2);
        time.Advance(TimeSpan.FromSeconds(5));
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.IsComment.Should().BeTrue();
        events.Current.Lines.Should().Equal(": keep-alive");
        next.SetResult();
        var rest = new List<SseLineReader.RawEvent>();
        while (await events.MoveNextAsync())
        {
            rest.Add(events.Current);
        }

        rest.Select(e => EventStreams.Message(e.Data).Text).Should().Equal("later", "now later");

        static async IAsyncEnumerable<string> Slow(Task next)
        {
            yield return "now ";
            await next;
            yield return "later";
        }
    }

    [Fact]
    public async Task KeepAlive_BeforeTheFirstText_StartsTheResponse()
    {
        var time = new FakeTimeProvider();
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Late(next.Task))),
            options => options.KeepAliveInterval = TimeSpan.FromSeconds(5), time);

        var sending = bot.Client.SendAsync(BotServer.PostQuery("hi", acceptEventStream: true), HttpCompletionOption.ResponseHeadersRead);
        await Waiting.UntilAsync(() => time.ActiveTimerCount() >= 2);
        time.Advance(TimeSpan.FromSeconds(5));
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        response.Content.Headers.ContentType!.MediaType.Should().Be(EventStream);
        next.SetResult();
        var events = await SseLineReader.ReadAllAsync(await response.Content.ReadAsStreamAsync());

        events[0].IsComment.Should().BeTrue();
        EventStreams.DeltaText(events).Should().Be("thought about it");

        static async IAsyncEnumerable<string> Late(Task next)
        {
            await next;
            yield return "thought about it";
        }
    }


    private static string Repeat(string value, int count) => string.Concat(Enumerable.Repeat(value, count));

    private static Task<BotServer> StartAsync(string text) => StartAsync([text], null);

    private static Task<BotServer> StartAsync(string[] pieces, Action<ChatbotServerOptions>? configure) =>
        BotServer.StartAsync(Transport.Loopback, (_, _) => ValueTask.FromResult(ChatbotReplies.Stream(Deltas.From(pieces))), options =>
        {
            options.Limits.MaxEventBytes = EventLimit;
            configure?.Invoke(options);
        });
}

using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>A chat client served as a bot: streaming, collected text, the enquiry's history, failures and disconnects.</summary>
public sealed class ChatClientChatbotTests
{
    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task StreamingRequest_ModelPiecesArriveAsDeltasThenAFinalEvent(Transport transport)
    {
        var model = new ScriptedChatClient().EnqueueText("Hello ", "", "world");
        await using var bot = await ChatClientBots.StartAsync(transport, model);

        var events = await ChatClientBots.StreamAsync(bot, ChatClientBots.Request("hi", stream: true));

        var messages = events.Select(e => EventStreams.Message(e.Data)).ToList();
        messages.Select(m => m.Text).Should().Equal("Hello ", "world", "Hello world");
        messages[^1].StreamType!.Value.IsTerminal.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task JsonRequest_GetsTheCollectedText(Transport transport)
    {
        var model = new ScriptedChatClient().EnqueueText("Hello ", "world");
        await using var bot = await ChatClientBots.StartAsync(transport, model);

        var answer = await bot.SendAsync(ChatClientBots.Request("hi"));

        answer.MediaType.Should().Be("application/json");
        answer.Text.Should().Be("Hello world");
    }

    [Fact]
    public async Task StreamingRequest_PiecesLargerThanAnEvent_AreSplitByTheToolkitsGuards()
    {
        var model = new ScriptedChatClient().EnqueueText(new string('a', 600), new string('b', 600));
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, server: server => server.Limits.MaxEventBytes = 256);

        var events = await ChatClientBots.StreamAsync(bot, ChatClientBots.Request("long", stream: true));

        events.Should().OnlyContain(e => e.WireBytes <= 256);
        EventStreams.DeltaText(events).Should().Be(new string('a', 600) + new string('b', 600));
    }

    [Fact]
    public async Task History_IsKeptPerEnquiry_AndAnsweredWithTheNextRequest()
    {
        var model = new ScriptedChatClient();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model);

        await bot.SendAsync(ChatClientBots.Request("my name is Ann", inquiryId: "e-1", stream: true));
        await bot.SendAsync(ChatClientBots.Request("I like tea", inquiryId: "e-2"));
        await bot.SendAsync(ChatClientBots.Request("what is my name?", inquiryId: "e-1"));

        model.Calls[2].Lines.Should().Equal(
            "user: my name is Ann",
            "assistant: Echo: my name is Ann",
            "user: what is my name?");
        model.Calls[1].Lines.Should().Equal("user: I like tea");
    }

    [Fact]
    public async Task RequestWithoutInquiryId_IsAnsweredWithoutHistory()
    {
        var model = new ScriptedChatClient();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model);

        await bot.SendAsync(ChatClientBots.Request("first"));
        await bot.SendAsync(ChatClientBots.Request("second"));

        model.Calls[1].Lines.Should().Equal("user: second");
    }

    [Fact]
    public async Task MaxHistoryMessages_SendsOnlyTheLastMessages()
    {
        var model = new ScriptedChatClient();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.MaxHistoryMessages = 3);

        foreach (var query in new[] { "one", "two", "three" })
        {
            await bot.SendAsync(ChatClientBots.Request(query, inquiryId: "e-1"));
        }

        model.Calls[2].Lines.Should().Equal("assistant: Echo: one", "user: two", "assistant: Echo: two", "user: three");
    }

    [Fact]
    public async Task InstructionsAndContext_ReachTheModelAsSystemMessages()
    {
        var model = new ScriptedChatClient();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.Instructions = "You are the support bot.");

        await bot.SendAsync(ChatClientBots.Request("hi", visitorName: "Ann Lee"));
        await bot.SendAsync(ChatClientBots.Request("hi"));

        model.Calls[0].Lines.Should().Equal("system: You are the support bot.", "system: About this enquiry:\n- visitorName: Ann Lee", "user: hi");
        model.Calls[1].Lines.Should().Equal("system: You are the support bot.", "user: hi");
    }

    [Fact]
    public async Task DescribeContext_ReplacesTheDescription_AndIncludeContextOffLeavesItOut()
    {
        var model = new ScriptedChatClient();
        await using var described = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.DescribeContext = context => $"Visitor: {context.Context.VisitorName}");
        await using var silent = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.IncludeContext = false);

        await described.SendAsync(ChatClientBots.Request("hi", visitorName: "Bo"));
        await silent.SendAsync(ChatClientBots.Request("hi", visitorName: "Bo"));

        model.Calls[0].Lines.Should().Equal("system: Visitor: Bo", "user: hi");
        model.Calls[1].Lines.Should().Equal("user: hi");
    }

    [Fact]
    public async Task ChatOptions_AreClonedPerRequest_AndConfigureChatOptionsSeesTheRequest()
    {
        var model = new ScriptedChatClient();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options =>
        {
            options.ChatOptions = new ChatOptions { ModelId = "small", Temperature = 0.1f };
            options.ConfigureChatOptions = (context, chatOptions) => chatOptions.ModelId += "-" + context.InquiryId;
        });

        await bot.SendAsync(ChatClientBots.Request("hi", inquiryId: "e-7"));
        await bot.SendAsync(ChatClientBots.Request("hi", inquiryId: "e-8"));

        model.Calls.Select(call => call.Options!.ModelId).Should().Equal("small-e-7", "small-e-8");
        model.Calls[0].Options!.Temperature.Should().Be(0.1f);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task ModelThrowsMidStream_ResponseEndsUnfinished_AndTheVisitorsTextIsKeptInHistory(Transport transport)
    {
        var model = new ScriptedChatClient().Enqueue((_, _) => ThrowAfter("partial ")).EnqueueText("next");
        await using var bot = await ChatClientBots.StartAsync(transport, model);

        using var response = await bot.Client.SendAsync(ChatClientBots.Request("go", inquiryId: "e-1", stream: true), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var readAll = () => SseLineReader.ReadAllAsync(body);

        await readAll.Should().ThrowAsync<Exception>("a broken reply must not look complete");
        (await bot.WaitForLogAsync(4)).Exception!.Message.Should().Be("model down");
        await bot.SendAsync(ChatClientBots.Request("again", inquiryId: "e-1"));
        model.Calls[1].Lines.Should().Equal("user: go", "assistant: partial ", "user: again");
    }

    [Fact]
    public async Task ModelThrowsBeforeText_Answers500()
    {
        var model = new ScriptedChatClient().Enqueue((_, _) => ThrowAfter());
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model);

        var answer = await bot.SendAsync(ChatClientBots.Request("go", stream: true));

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Body.Should().NotContain("model down");
    }

    [Fact]
    public async Task ModelWithNoText_Answers500()
    {
        var model = new ScriptedChatClient().EnqueueText();
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model);

        (await bot.SendAsync(ChatClientBots.Request("go", stream: true))).Status.Should().Be(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task PlatformDisconnects_TheModelIsCancelled_AndTheServerStaysHealthy()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = new ScriptedChatClient().Enqueue((_, cancellationToken) => WaitAfterFirst(cancelled, cancellationToken));
        await using var bot = await ChatClientBots.StartAsync(Transport.Loopback, model);

        (await bot.HangUpAfterFirstEventAsync(ChatClientBots.Request("stream", stream: true))).Should().Contain("first ");

        var finished = await Task.WhenAny(cancelled.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        finished.Should().BeSameAs(cancelled.Task, bot.LogText);
        (await bot.SendAsync(ChatClientBots.Request("ping"))).Text.Should().Be("Echo: ping");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> ThrowAfter(params string[] pieces)
    {
        foreach (var piece in pieces)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
        }

        await Task.Yield();
        throw new InvalidOperationException("model down");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> WaitAfterFirst(TaskCompletionSource cancelled, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "first ");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled.TrySetResult();
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, "never");
    }
}

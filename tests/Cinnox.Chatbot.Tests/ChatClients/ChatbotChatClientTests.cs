using Microsoft.Extensions.AI;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.ChatClients.Tests;

/// <summary>A CINNOX bot seen as an <see cref="IChatClient"/>: requests, updates, responses, failures and services.</summary>
public sealed class ChatbotChatClientTests
{
    private static ChatMessage[] Conversation(string last) =>
        [new(ChatRole.System, "be nice"), new(ChatRole.User, "earlier"), new(ChatRole.Assistant, "answer"), new(ChatRole.User, last)];

    [Fact]
    public async Task GetResponse_SendsTheLastUserMessage_AndReturnsTheReplyWithoutAConversationId()
    {
        var bot = new ScriptedChatbotClient().EnqueueText("We open at nine.");
        using var chat = bot.AsIChatClient();

        var response = await chat.GetResponseAsync(Conversation("when do you open?"));

        bot.Calls.Should().ContainSingle().Which.Request.Query.Should().Be("when do you open?");
        response.Text.Should().Be("We open at nine.");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.ConversationId.Should().BeNull();
        response.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.Assistant);
        response.RawRepresentation.Should().BeOfType<ChatbotReply>();
        response.AdditionalProperties![ChatbotChatKeys.Outcome].Should().Be("Completed");
    }

    [Fact]
    public async Task Options_CarryTheEnquiryIdContextQueryParamsAndChannel()
    {
        var bot = new ScriptedChatbotClient().EnqueueText("ok");
        using var chat = bot.AsIChatClient();
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                [ChatbotChatKeys.InquiryId] = "e-42",
                [ChatbotChatKeys.Context] = new ChatbotEnquiryContext { VisitorName = "Ann", ChannelType = "WEB" },
                [ChatbotChatKeys.ContextFieldPrefix + "visitorName"] = "Ann Lee",
                [ChatbotChatKeys.QueryParams] = new Dictionary<string, string> { ["tenant"] = "t1" },
                [ChatbotChatKeys.ExternalChannel] = true,
            },
        };

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], options);

        var call = bot.Calls.Should().ContainSingle().Subject;
        call.Request.InquiryId.Should().Be("e-42");
        call.Request.Context.VisitorName.Should().Be("Ann Lee");
        call.Request.Context.ChannelType.Should().Be("WEB");
        call.Request.QueryParams.Should().Contain("tenant", "t1");
        call.Options!.IsExternalChannel.Should().BeTrue();
    }

    [Fact]
    public async Task Options_WithAValueOfTheWrongType_AreRefusedNamingTheKey()
    {
        using var chat = new ScriptedChatbotClient().AsIChatClient();
        var options = new ChatOptions { AdditionalProperties = new() { [ChatbotChatKeys.InquiryId] = 42 } };

        var call = () => chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], options);

        (await call.Should().ThrowAsync<ArgumentException>()).WithMessage("*cinnox.inquiryID*String*");
    }

    [Fact]
    public async Task NoUserMessage_IsRefusedAtOnce()
    {
        using var chat = new ScriptedChatbotClient().AsIChatClient();

        var call = () => chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, "only instructions")]);

        call.Should().Throw<ArgumentException>().WithMessage("*user message*query*");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Streaming_DeltasBecomeUpdates_AndTheLastUpdateCarriesTheOutcome()
    {
        var bot = new ScriptedChatbotClient().EnqueueDeltas("We ", "open ", "at nine.");
        using var chat = bot.AsIChatClient();

        var updates = await chat.GetStreamingResponseAsync(Conversation("hours?")).ToListAsync();

        updates.Select(update => update.Text).Should().Equal("We ", "open ", "at nine.", "");
        updates[^1].FinishReason.Should().Be(ChatFinishReason.Stop);
        updates[^1].AdditionalProperties![ChatbotChatKeys.Streamed].Should().Be(true);
        updates.Should().OnlyContain(update => update.ConversationId == null);
    }

    [Fact]
    public async Task Streaming_AFinalEventThatReplacesTheText_IsMarked()
    {
        var bot = new ScriptedChatbotClient().Enqueue(
            ChatbotReplyUpdate.Delta("draft"),
            ChatbotReplyUpdate.Replace("Final answer"),
            ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed("Final answer", streamed: true)));
        using var chat = bot.AsIChatClient();

        var updates = await chat.GetStreamingResponseAsync(Conversation("q")).ToListAsync();

        updates[1].Text.Should().Be("Final answer");
        updates[1].AdditionalProperties![ChatbotChatKeys.ReplacesText].Should().Be(true);
    }

    [Theory]
    [InlineData("DIRECT_TRANSFER", "cinnox.direct_transfer", "DirectTransfer")]
    [InlineData("CLOSE_ENQUIRY", "cinnox.close_enquiry", "CloseEnquiry")]
    public async Task Actions_AreTheFinishReasonAndAProperty(string keyword, string reason, string action)
    {
        using var chat = new ScriptedChatbotClient().EnqueueText(keyword).EnqueueText(keyword).AsIChatClient();

        var response = await chat.GetResponseAsync(Conversation("q"));
        var streamed = await chat.GetStreamingResponseAsync(Conversation("q")).ToChatResponseAsync();

        foreach (var result in new[] { response, streamed })
        {
            result.FinishReason!.Value.Value.Should().Be(reason);
            result.AdditionalProperties![ChatbotChatKeys.Action].Should().Be(action);
            result.Text.Should().Be(keyword);
        }
    }

    [Fact]
    public async Task AdvancedMessage_IsReadableText_WithTheMessageAsRawRepresentation()
    {
        var message = ChatbotMessages.Advanced(builder => builder
            .AddBubble(bubble => bubble.AddText(text: "Pick one"))
            .AddQuickReply(reply => reply.AddPostbackButton("Hours", "hours")));
        var reply = new ChatbotReply { Outcome = ChatbotOutcome.Completed, Message = message, StatusCode = 200 };
        using var chat = new ScriptedChatbotClient().EnqueueReply(reply).EnqueueReply(reply).AsIChatClient();

        var response = await chat.GetResponseAsync(Conversation("menu"));
        var updates = await chat.GetStreamingResponseAsync(Conversation("menu")).ToListAsync();

        response.Text.Should().Be("Pick one\n[Hours]");
        response.Messages[0].RawRepresentation.Should().BeSameAs(message);
        updates[0].Text.Should().Be("Pick one\n[Hours]");
        updates[0].RawRepresentation.Should().BeSameAs(message);
    }

    [Fact]
    public async Task FailureWithoutText_ThrowsWithTheReply()
    {
        var failed = ScriptedChatbotClient.Failed(ChatbotOutcome.Unreachable, reason: "Connection refused.");
        using var chat = new ScriptedChatbotClient().EnqueueReply(failed).EnqueueReply(failed).AsIChatClient();

        var buffered = () => chat.GetResponseAsync(Conversation("q"));
        var streamed = () => chat.GetStreamingResponseAsync(Conversation("q")).ToListAsync().AsTask();

        (await buffered.Should().ThrowAsync<ChatbotReplyException>()).Which.Reply!.Outcome.Should().Be(ChatbotOutcome.Unreachable);
        (await streamed.Should().ThrowAsync<ChatbotReplyException>()).WithMessage("*Unreachable*Connection refused*");
    }

    [Theory]
    [InlineData(ChatbotOutcome.Interrupted, "cinnox.interrupted")]
    [InlineData(ChatbotOutcome.TimedOut, "cinnox.timed_out")]
    [InlineData(ChatbotOutcome.ResponseTooLarge, "length")]
    [InlineData(ChatbotOutcome.EventTooLarge, "length")]
    public async Task FailureAfterText_ReturnsThePartialText_WithTheOutcome(ChatbotOutcome outcome, string reason)
    {
        var bot = new ScriptedChatbotClient().Enqueue(
            ChatbotReplyUpdate.Delta("Half an "),
            ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Failed(outcome, "Half an ", "It broke.")));
        using var chat = bot.AsIChatClient();

        var response = await chat.GetStreamingResponseAsync(Conversation("q")).ToChatResponseAsync();

        response.Text.Should().Be("Half an ");
        response.FinishReason!.Value.Value.Should().Be(reason);
        response.AdditionalProperties![ChatbotChatKeys.Outcome].Should().Be(outcome.ToString());
        response.AdditionalProperties[ChatbotChatKeys.FailureReason].Should().Be("It broke.");
    }

    [Fact]
    public async Task Cancellation_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var chat = new ScriptedChatbotClient().EnqueueDeltas("a", "b").AsIChatClient();

        var call = () => chat.GetStreamingResponseAsync(Conversation("q"), cancellationToken: cancelled.Token).ToListAsync().AsTask();

        await call.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void GetService_ReturnsTheUnderlyingClientAndMetadata()
    {
        var bot = new ScriptedChatbotClient();
        using var chat = bot.AsIChatClient();

        chat.GetService<IChatbotClient>().Should().BeSameAs(bot);
        chat.GetService<ScriptedChatbotClient>().Should().BeSameAs(bot);
        var metadata = chat.GetService<ChatClientMetadata>()!;
        metadata.ProviderName.Should().Be("cinnox");
        metadata.ProviderUri.Should().Be(bot.Destination.Url);
        metadata.DefaultModelId.Should().Be("Test Bot");
        chat.GetService<IChatClient>().Should().BeSameAs(chat);
        chat.GetService<IChatbotClient>("key").Should().BeNull();
    }
}

using System.Runtime.CompilerServices;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class ChatbotConversationTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly EnquiryRoom _room;
    private readonly ScriptedChatbotClient _client;
    private readonly ChatbotConversation _conversation;
    private readonly List<ChatRoomEventArgs> _events;

    public ChatbotConversationTests()
    {
        _room = Enquiry(_clock, EnquiryChannel.Weblink, "https://shop.example.com/chat?utm_source=newsletter");
        _client = new ScriptedChatbotClient(new ChatbotDestination { Name = "Support Bot", Url = new Uri("http://127.0.0.1/bot"), TransferToLiveAgent = true });
        _conversation = new ChatbotConversation(_room, _client);
        _events = Record(_room);
    }

    private IEnumerable<RoomMessage> BotMessages => _room.Messages.Where(message => message.Sender.Id == _conversation.Chatbot.Id);

    [Fact]
    public void New_AddsTheChatbotAsAMember()
    {
        _conversation.Chatbot.Should().Be(RoomMember.Bot("chatbot:Support Bot", "Support Bot"));
        _room.Chatbot.Should().Be(_conversation.Chatbot);
        _room.Members.Should().Equal(_room.Visitor, _conversation.Chatbot);
    }

    [Fact]
    public async Task SendVisitorMessage_StreamingReply_OneMessageGrowsThenCompletes()
    {
        _client.EnqueueDeltas("Hello", ", ", "Ada", "!");

        var turn = await _conversation.SendVisitorMessageAsync("Hi, I need help");

        turn.VisitorMessage!.Text.Should().Be("Hi, I need help");
        turn.Reply!.IsCompleted.Should().BeTrue();
        turn.ReplyMessage!.Text.Should().Be("Hello, Ada!");
        var content = turn.ReplyMessage.Content.Should().BeOfType<ChatbotReplyContent>().Which;
        content.State.Should().Be(ChatbotReplyState.Completed);
        content.Streamed.Should().BeTrue();
        content.Outcome.Should().Be(ChatbotOutcome.Completed);
        content.Message.Should().BeOfType<ChatbotTextMessage>().Which.Text.Should().Be("Hello, Ada!");
        BotMessages.Should().ContainSingle();

        _events.Select(Describe).Should().Equal(
            "posted visitor: Hi, I need help",
            "posted Support Bot: Hello",
            "delta , ",
            "delta Ada",
            "delta !",
            "completed Hello, Ada!");
        _events.OfType<ChatbotReplyDeltaEventArgs>().Should().OnlyContain(delta => delta.MessageId == turn.ReplyMessage.Id);
    }

    [Fact]
    public async Task SendVisitorMessage_RequestCarriesEnquiryIdAndContext()
    {
        _client.EnqueueText("ok");

        await _conversation.SendVisitorMessageAsync("Where is my order?");

        var call = _client.Calls.Should().ContainSingle().Which;
        call.Streamed.Should().BeTrue();
        call.Options.Should().BeNull();
        call.Request.Query.Should().Be("Where is my order?");
        call.Request.InquiryId.Should().Be("ENQ-1001");
        call.Request.Action.Should().Be(ChatbotRequest.StandardAction);
        call.Request.Context.ChannelType.Should().Be("Weblink");
        call.Request.Context.ChannelName.Should().Be("Spring sale page");
        call.Request.Context.VisitorName.Should().Be("Ada Lovelace");
        call.Request.Context.VisitorPhone.Should().Be("+85291234567");
    }

    [Fact]
    public async Task SendVisitorMessage_ExternalChannel_NeverStreams()
    {
        var options = EnquiryOptions(EnquiryChannel.Social);
        var room = new EnquiryRoom(options, _clock);
        var client = new ScriptedChatbotClient().EnqueueDeltas("Hi ", "there");
        var conversation = new ChatbotConversation(room, client);
        var events = Record(room);

        var turn = await conversation.SendVisitorMessageAsync("Hello from WhatsApp");

        var call = client.Calls.Should().ContainSingle().Which;
        call.Streamed.Should().BeFalse();
        call.Options!.IsExternalChannel.Should().BeTrue();
        turn.ReplyMessage!.Text.Should().Be("Hi there");
        ((ChatbotReplyContent)turn.ReplyMessage.Content).Streamed.Should().BeFalse();
        events.OfType<ChatbotReplyDeltaEventArgs>().Should().BeEmpty();
        events.Select(change => change.GetType()).Should().Equal(typeof(MessagePostedEventArgs), typeof(MessagePostedEventArgs), typeof(ChatbotReplyCompletedEventArgs));
    }

    [Fact]
    public async Task DirectTransfer_Allowed_MovesToWaitingForAgentWithoutShowingTheKeyword()
    {
        _client.EnqueueDeltas("DIRECT_", "TRANSFER");

        var turn = await _conversation.SendVisitorMessageAsync("I want a human");

        turn.Action.Should().Be(ChatbotAction.DirectTransfer);
        turn.ReplyMessage.Should().BeNull();
        turn.Status.Should().Be(EnquiryStatus.WaitingForAgent);
        _room.Status.Should().Be(EnquiryStatus.WaitingForAgent);
        BotMessages.Should().BeEmpty();
        _events.OfType<EnquiryTransferredEventArgs>().Should().ContainSingle();
        _room.Messages[^1].Content.Should().BeOfType<SystemMessageContent>().Which.SystemKind.Should().Be(SystemMessageKind.EnquiryTransferred);
    }

    [Fact]
    public async Task DirectTransfer_NotAllowed_ChatbotStaysAndWarningIsRecorded()
    {
        var client = new ScriptedChatbotClient().EnqueueText("DIRECT_TRANSFER");
        var room = Enquiry(_clock);
        var conversation = new ChatbotConversation(room, client);
        var events = Record(room);

        var turn = await conversation.SendVisitorMessageAsync("I want a human");

        turn.Action.Should().Be(ChatbotAction.None);
        room.Status.Should().Be(EnquiryStatus.WithChatbot);
        turn.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.TransferNotEnabled);
        events.OfType<ChatbotWarningEventArgs>().Should().ContainSingle().Which.Warning.Message.Should().Contain("TransferToLiveAgent");
        room.Messages.Should().NotContain(message => message.Sender.Kind == RoomMemberKind.Bot && !message.IsSystem);
    }

    [Fact]
    public async Task DirectTransfer_ClientAlreadyRefusedIt_KeywordHiddenAndWarnedOnce()
    {
        // What the HTTP client returns when TransferToLiveAgent is off: the keyword's text, no action, and a warning.
        var refused = new ChatbotWarning(ChatbotWarningCodes.TransferNotEnabled, "DIRECT_TRANSFER ignored: TransferToLiveAgent is off.");
        var client = new ScriptedChatbotClient().EnqueueReply(new ChatbotReply
        {
            Outcome = ChatbotOutcome.Completed,
            Message = new ChatbotTextMessage("DIRECT_TRANSFER"),
            Text = "DIRECT_TRANSFER",
            Action = ChatbotAction.None,
            Keyword = ChatbotAction.DirectTransfer,
            Warnings = [refused],
        });
        var room = Enquiry(_clock);
        var conversation = new ChatbotConversation(room, client);

        var turn = await conversation.SendVisitorMessageAsync("I want a human");

        turn.ReplyMessage.Should().BeNull();
        turn.Action.Should().Be(ChatbotAction.None);
        turn.Warnings.Should().Equal(refused);
        room.Status.Should().Be(EnquiryStatus.WithChatbot);
    }

    [Fact]
    public async Task KeywordPrefixThatDiverges_ShownAsText()
    {
        _client.EnqueueDeltas("  CLOSE", " the door", " please");

        var turn = await _conversation.SendVisitorMessageAsync("What should I do?");

        turn.Action.Should().Be(ChatbotAction.None);
        turn.ReplyMessage!.Text.Should().Be("  CLOSE the door please");
        _events.OfType<MessagePostedEventArgs>().Last().Message.Text.Should().Be("  CLOSE the door", "text is held only while it may still be a keyword");
        _events.OfType<ChatbotReplyDeltaEventArgs>().Select(delta => delta.Delta).Should().Equal(" please");
        _room.IsClosed.Should().BeFalse();
    }

    [Fact]
    public async Task CloseEnquiry_ClosesTheRoom()
    {
        _client.EnqueueText("CLOSE_ENQUIRY");

        var turn = await _conversation.SendVisitorMessageAsync("Bye");

        turn.Action.Should().Be(ChatbotAction.CloseEnquiry);
        _room.Status.Should().Be(EnquiryStatus.Closed);
        _events.OfType<EnquiryClosedEventArgs>().Should().ContainSingle().Which.ClosedBy.Should().Be(_conversation.Chatbot);
        await FluentActions.Awaiting(() => _conversation.SendVisitorMessageAsync("Hello?")).Should().ThrowAsync<ChatRoomRuleException>()
            .Where(refusal => refusal.Rule == ChatRoomRule.EnquiryClosed);
        _client.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task FailedReplyWithoutText_LeavesSystemMessage()
    {
        _client.EnqueueReply(ScriptedChatbotClient.Failed(ChatbotOutcome.Unreachable, reason: "Connection refused."));

        var turn = await _conversation.SendVisitorMessageAsync("Hello?");

        turn.ReplyMessage.Should().BeNull();
        var notice = turn.NoticeMessage!.Content.Should().BeOfType<SystemMessageContent>().Which;
        notice.SystemKind.Should().Be(SystemMessageKind.ChatbotFailed);
        notice.Text.Should().Be("Support Bot did not reply: Connection refused.");
        notice.GetField("Outcome").Should().Be("Unreachable");
        BotMessages.Should().BeEmpty();
        _room.Status.Should().Be(EnquiryStatus.WithChatbot);
    }

    [Fact]
    public async Task PartialReply_StaysMarkedIncomplete()
    {
        _client.Enqueue(
            ChatbotReplyUpdate.Delta("Your order "),
            ChatbotReplyUpdate.Delta("ships on"),
            ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Failed(ChatbotOutcome.TimedOut, "Your order ships on", "The total response time of 120 s ran out.")));

        var turn = await _conversation.SendVisitorMessageAsync("When does it ship?");

        var content = turn.ReplyMessage!.Content.Should().BeOfType<ChatbotReplyContent>().Which;
        content.Text.Should().Be("Your order ships on");
        content.State.Should().Be(ChatbotReplyState.Incomplete);
        content.IsIncomplete.Should().BeTrue();
        content.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        content.FailureReason.Should().Be("The total response time of 120 s ran out.");
        turn.NoticeMessage.Should().BeNull();
        BotMessages.Should().ContainSingle();
    }

    [Theory]
    [InlineData("DIRECT_", "TR")]
    [InlineData("DIRECT_", "TRANSFER")]
    [InlineData("CLOSE_", "ENQUIRY")]
    public async Task KeywordCutShortByABrokenConnection_NeverShownAsText(string first, string second)
    {
        _client.Enqueue(
            ChatbotReplyUpdate.Delta(first),
            ChatbotReplyUpdate.Delta(second),
            ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Failed(ChatbotOutcome.Interrupted, first + second)));

        var turn = await _conversation.SendVisitorMessageAsync("Agent please");

        turn.Action.Should().Be(ChatbotAction.None);
        turn.ReplyMessage.Should().BeNull("a keyword held back is never shown as a bot message");
        BotMessages.Should().BeEmpty();
        turn.NoticeMessage!.Content.Should().BeOfType<SystemMessageContent>().Which.SystemKind.Should().Be(SystemMessageKind.ChatbotFailed);
        _room.Status.Should().Be(EnquiryStatus.WithChatbot);
    }

    [Fact]
    public async Task ReplaceUpdate_ReplacesTheGrowingText()
    {
        _client.Enqueue(
            ChatbotReplyUpdate.Delta("Thinking"),
            ChatbotReplyUpdate.Replace("The answer is 42."),
            ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed("The answer is 42.", streamed: true)));

        var turn = await _conversation.SendVisitorMessageAsync("What is the answer?");

        turn.ReplyMessage!.Text.Should().Be("The answer is 42.");
        _events.OfType<ChatbotReplyTextReplacedEventArgs>().Should().ContainSingle().Which.Text.Should().Be("The answer is 42.");
    }

    [Fact]
    public async Task AdvancedReply_ThenPostbackButton_BecomesVisitorsNextMessage()
    {
        var advanced = ChatbotMessages.Advanced(message => message
            .AddBubble(bubble => bubble.AddText(title: "Good Result Learning Center", text: "Your Exam Expert"))
            .AddQuickReply(reply => reply
                .AddUrlButton("Website", "https://www.grlc.com")
                .AddPostbackButton("Email", "info@grlc.com")));
        _client.EnqueueReply(new ChatbotReply { Outcome = ChatbotOutcome.Completed, Message = advanced, StatusCode = 200 });
        _client.EnqueueText("We will email you shortly.");

        var first = await _conversation.SendVisitorMessageAsync("Contact details?");
        var second = await _conversation.PressButtonAsync(first.ReplyMessage!.Id, "Email");

        first.ReplyMessage.Content.Should().BeOfType<ChatbotReplyContent>().Which.AdvancedMessage.Should().BeSameAs(advanced);
        second.VisitorMessage!.Text.Should().Be("info@grlc.com");
        second.VisitorMessage.Sender.Should().Be(_room.Visitor);
        _client.Calls[1].Request.Query.Should().Be("info@grlc.com");
        second.ReplyMessage!.Text.Should().Be("We will email you shortly.");
    }

    [Fact]
    public async Task PressButton_KeywordPostback_PerformsActionWithoutPosting()
    {
        var advanced = ChatbotMessages.Advanced(message => message.AddQuickReply(reply => reply
            .AddButton("Talk to an agent", ButtonAction.DirectTransfer())
            .AddButton("End chat", ButtonAction.CloseEnquiry())));
        _client.EnqueueReply(new ChatbotReply { Outcome = ChatbotOutcome.Completed, Message = advanced });
        var menu = (await _conversation.SendVisitorMessageAsync("Menu")).ReplyMessage!;
        var count = _room.MessageCount;

        var turn = await _conversation.PressButtonAsync(menu.Id, "Talk to an agent");

        turn.VisitorMessage.Should().BeNull();
        turn.Action.Should().Be(ChatbotAction.DirectTransfer);
        _room.Status.Should().Be(EnquiryStatus.WaitingForAgent);
        _room.Messages.Skip(count).Should().OnlyContain(message => message.IsSystem);
        _client.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task PressButton_OpenUrlUnknownOrNotFromTheBot_Refused()
    {
        var advanced = ChatbotMessages.Advanced(message => message.AddQuickReply(reply => reply.AddUrlButton("Website", "https://www.grlc.com")));
        _client.EnqueueReply(new ChatbotReply { Outcome = ChatbotOutcome.Completed, Message = advanced });
        var menu = (await _conversation.SendVisitorMessageAsync("Menu")).ReplyMessage!;

        (await FluentActions.Awaiting(() => _conversation.PressButtonAsync(menu.Id, "Website")).Should().ThrowAsync<ChatRoomRuleException>())
            .Which.Rule.Should().Be(ChatRoomRule.NotAPostbackButton);
        (await FluentActions.Awaiting(() => _conversation.PressButtonAsync(menu.Id, "Nope")).Should().ThrowAsync<ChatRoomRuleException>())
            .WithMessage("*'Website'*");
        (await FluentActions.Awaiting(() => _conversation.PressButtonAsync(_room.OpeningMessage.Id, "Website")).Should().ThrowAsync<ChatRoomRuleException>())
            .Which.Rule.Should().Be(ChatRoomRule.NotAPostbackButton);
        (await FluentActions.Awaiting(() => _conversation.PressButtonAsync(menu.Id, new ButtonItem("Fake", ButtonAction.Postback("x")))).Should().ThrowAsync<ChatRoomRuleException>())
            .Which.Rule.Should().Be(ChatRoomRule.NotAPostbackButton);
    }

    [Fact]
    public async Task SendVisitorMessage_AfterAgentTookOver_PostedButNotSent()
    {
        _room.Accept(Bob);

        var turn = await _conversation.SendVisitorMessageAsync("Are you a human?");

        turn.SkippedBecause.Should().Be(EnquiryStatus.WithAgent);
        turn.Reply.Should().BeNull();
        turn.VisitorMessage!.Text.Should().Be("Are you a human?");
        _client.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task CompletedEmptyReply_NothingShownAndWarned()
    {
        _client.EnqueueText("   ");

        var turn = await _conversation.SendVisitorMessageAsync("Hello?");

        turn.ReplyMessage.Should().BeNull();
        turn.NoticeMessage.Should().BeNull();
        turn.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.EmptyReply);
    }

    [Fact]
    public async Task Warnings_StreamedAndFinal_RecordedOnce()
    {
        var warning = new ChatbotWarning("unknown-stream-type", "streamType 'partial' treated as delta.");
        var reply = ScriptedChatbotClient.Completed("Hi", streamed: true);
        _client.Enqueue(
            ChatbotReplyUpdate.ForWarning(warning),
            ChatbotReplyUpdate.Delta("Hi"),
            ChatbotReplyUpdate.Completed(new ChatbotReply { Outcome = reply.Outcome, Text = reply.Text, Message = reply.Message, Streamed = true, Warnings = [warning, new ChatbotWarning("late", "after")] }));

        var turn = await _conversation.SendVisitorMessageAsync("Hello?");

        turn.Warnings.Select(recorded => recorded.Code).Should().Equal("unknown-stream-type", "late");
        _events.OfType<ChatbotWarningEventArgs>().Should().HaveCount(2);
    }

    [Fact]
    public async Task Cancelled_WhatWasShownStaysMarkedIncomplete()
    {
        var gate = new TaskCompletionSource();
        _client.Enqueue((_, cancellationToken) => Gated(gate.Task, cancellationToken, "Let me check", " that for you"));
        using var cancellation = new CancellationTokenSource();

        var turn = _conversation.SendVisitorMessageAsync("Is it in stock?", cancellation.Token);
        await WaitUntil(() => BotMessages.Any());
        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => turn).Should().ThrowAsync<OperationCanceledException>();
        var message = BotMessages.Should().ContainSingle().Which;
        message.Text.Should().Be("Let me check");
        var content = (ChatbotReplyContent)message.Content;
        content.State.Should().Be(ChatbotReplyState.Incomplete);
        content.Outcome.Should().Be(ChatbotOutcome.Interrupted);
    }

    [Fact]
    public async Task Cancelled_ExternalChannel_ThrowsAndKeepsTheTextThatArrivedMarkedIncomplete()
    {
        // A buffered call the caller cancels after the reply began returns an interrupted reply instead of throwing
        // (IChatbotClient.SendAsync); the turn still throws, as it does when streaming, and loses no text.
        var room = new EnquiryRoom(EnquiryOptions(EnquiryChannel.Social), _clock);
        var conversation = new ChatbotConversation(room, new InterruptedWhenCancelledClient(_client.Destination, "Let me check"));
        using var cancellation = new CancellationTokenSource();

        var turn = conversation.SendVisitorMessageAsync("Is it in stock?", cancellation.Token);
        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => turn).Should().ThrowAsync<OperationCanceledException>();
        var message = room.Messages.Should().ContainSingle(message => message.Sender.Id == conversation.Chatbot.Id).Subject;
        message.Text.Should().Be("Let me check");
        var content = (ChatbotReplyContent)message.Content;
        content.State.Should().Be(ChatbotReplyState.Incomplete);
        content.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        content.Streamed.Should().BeFalse();
    }

    [Fact]
    public async Task Cancelled_ExternalChannelBeforeAnyText_ThrowsAndPostsNothing()
    {
        var room = new EnquiryRoom(EnquiryOptions(EnquiryChannel.Social), _clock);
        var conversation = new ChatbotConversation(room, new InterruptedWhenCancelledClient(_client.Destination, string.Empty));
        using var cancellation = new CancellationTokenSource();

        var turn = conversation.SendVisitorMessageAsync("Is it in stock?", cancellation.Token);
        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => turn).Should().ThrowAsync<OperationCanceledException>();
        room.Messages.Should().NotContain(message => message.Sender.Id == conversation.Chatbot.Id || message.Kind == RoomMessageKind.System && message != room.OpeningMessage);
    }

    [Fact]
    public async Task ClientThrows_WhatWasShownStaysMarkedIncompleteAndErrorSurfaces()
    {
        _client.Enqueue((_, cancellationToken) => Throwing(cancellationToken));

        await FluentActions.Awaiting(() => _conversation.SendVisitorMessageAsync("Hi")).Should().ThrowAsync<InvalidOperationException>().WithMessage("client bug");

        var content = (ChatbotReplyContent)BotMessages.Single().Content;
        content.State.Should().Be(ChatbotReplyState.Incomplete);
        content.FailureReason.Should().Contain("client bug");
    }

    [Fact]
    public async Task AgentTakesOverWhileTheTransferReplyArrives_TransferIsNotAppliedAndSaysWhy()
    {
        var requested = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        _client.Enqueue((_, cancellationToken) => HeldThenKeyword(requested, gate.Task, ChatbotKeywords.DirectTransfer, cancellationToken));

        var turn = _conversation.SendVisitorMessageAsync("I want a person");
        await requested.Task;
        _room.Accept(Bob);
        gate.SetResult();
        var result = await turn;

        result.Action.Should().Be(ChatbotAction.None);
        result.Status.Should().Be(EnquiryStatus.WithAgent);
        _room.Agent.Should().Be(Bob);
        var warning = result.Warnings.Should().ContainSingle().Subject;
        warning.Code.Should().Be(ChatbotWarningCodes.ActionNotApplied);
        warning.Message.Should().Contain(ChatbotKeywords.DirectTransfer);
        _events.OfType<ChatbotWarningEventArgs>().Should().ContainSingle().Which.Warning.Should().Be(warning);
        BotMessages.Should().BeEmpty("a keyword is an action, never text");
    }

    [Fact]
    public async Task EnquiryClosedWhileReplyStreams_StartedMessageCompletes()
    {
        var gate = new TaskCompletionSource();
        _client.Enqueue((_, cancellationToken) => Gated(gate.Task, cancellationToken, "Let me ", "see"));

        var turn = _conversation.SendVisitorMessageAsync("Hello?");
        await WaitUntil(() => BotMessages.Any());
        _room.Accept(Bob);
        _room.Close(Bob.Id);
        gate.SetResult();

        (await turn).ReplyMessage!.Text.Should().Be("Let me see");
        ((ChatbotReplyContent)BotMessages.Single().Content).State.Should().Be(ChatbotReplyState.Completed);
    }

    [Fact]
    public async Task EnquiryClosedBeforeReplyShows_ReplyDroppedWithWarning()
    {
        var gate = new TaskCompletionSource();
        var requested = new TaskCompletionSource();
        _client.Enqueue((_, cancellationToken) => HeldThenText(requested, gate.Task, cancellationToken));

        var turn = _conversation.SendVisitorMessageAsync("Hello?");
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _room.Close(RoomMember.PlatformBotId);
        gate.SetResult();

        var result = await turn;
        result.ReplyMessage.Should().BeNull();
        result.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.ReplyDropped);
        BotMessages.Should().BeEmpty();
    }

    [Fact]
    public async Task ConcurrentVisitorMessages_PostedAtOnceAnsweredInOrder()
    {
        var gate = new TaskCompletionSource();
        _client.Enqueue((_, cancellationToken) => Gated(gate.Task, cancellationToken, "first ", "answer"));
        _client.EnqueueText("second answer");

        var first = _conversation.SendVisitorMessageAsync("one");
        await WaitUntil(() => BotMessages.Any());
        var second = _conversation.SendVisitorMessageAsync("two");

        _room.Messages.Where(message => message.Sender == _room.Visitor).Select(message => message.Text).Should().Equal("one", "two");
        _client.Calls.Should().ContainSingle("the second message waits for the first reply");
        gate.SetResult();
        await Task.WhenAll(first, second);

        BotMessages.Select(message => message.Text).Should().Equal("first answer", "second answer");
        _client.Calls.Select(call => call.Request.Query).Should().Equal("one", "two");
    }

    [Fact]
    public async Task AnswerAsync_VisitorMessagePostedElsewhere_Answered()
    {
        _client.EnqueueText("Hi Ada");
        var posted = _room.PostText(_room.Visitor.Id, "Hello").Message;

        var turn = await _conversation.AnswerAsync(posted);

        turn.VisitorMessage.Should().BeSameAs(posted);
        turn.ReplyMessage!.Text.Should().Be("Hi Ada");
        FluentActions.Invoking(() => { _ = _conversation.AnswerAsync(_room.OpeningMessage); }).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void New_SecondChatbotOrClosedRoom_Refused()
    {
        FluentActions.Invoking(() => new ChatbotConversation(_room, new ScriptedChatbotClient(new ChatbotDestination { Name = "Other", Url = new Uri("http://127.0.0.1/") })))
            .Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryStatusConflict);
        _room.Close(RoomMember.PlatformBotId);
        FluentActions.Invoking(() => new ChatbotConversation(_room, _client)).Should().Throw<ChatRoomRuleException>().Which.Rule.Should().Be(ChatRoomRule.EnquiryClosed);
    }

    private static string Describe(ChatRoomEventArgs change) => change switch
    {
        MessagePostedEventArgs posted => $"posted {(posted.Message.Sender.Kind == RoomMemberKind.Visitor ? "visitor" : posted.Message.Sender.DisplayName)}: {posted.Message.Text}",
        ChatbotReplyDeltaEventArgs delta => $"delta {delta.Delta}",
        ChatbotReplyCompletedEventArgs completed => $"completed {completed.Message.Text}",
        _ => change.GetType().Name,
    };

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> Gated(Task gate, [EnumeratorCancellation] CancellationToken cancellationToken, string first, string rest)
    {
        yield return ChatbotReplyUpdate.Delta(first);
        await gate.WaitAsync(cancellationToken);
        yield return ChatbotReplyUpdate.Delta(rest);
        yield return ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed(first + rest, streamed: true));
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> HeldThenText(TaskCompletionSource requested, Task gate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return ChatbotReplyUpdate.Delta("CLOSE");
        requested.SetResult();
        await gate.WaitAsync(cancellationToken);
        yield return ChatbotReplyUpdate.Delta(" the window, it is cold");
        yield return ChatbotReplyUpdate.Delta(" outside");
        yield return ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed("CLOSE the window, it is cold outside", streamed: true));
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> HeldThenKeyword(TaskCompletionSource requested, Task gate, string keyword, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        requested.SetResult();
        await gate.WaitAsync(cancellationToken);
        yield return ChatbotReplyUpdate.Delta(keyword);
        yield return ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed(keyword, streamed: true));
    }

    /// <summary>Answers a buffered call as the real client does when the caller cancels after the reply began.</summary>
    private sealed class InterruptedWhenCancelledClient(ChatbotDestination destination, string partialText) : IChatbotClient
    {
        public ChatbotDestination Destination => destination;

        public async Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            return new ChatbotReply
            {
                Outcome = ChatbotOutcome.Interrupted,
                Message = partialText.Length > 0 ? new ChatbotTextMessage(partialText) : null,
                Text = partialText,
                StatusCode = 200,
                FailureReason = "The caller cancelled the call after the reply had started.",
            };
        }

        public IAsyncEnumerable<ChatbotReplyUpdate> StreamAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("An external-channel enquiry never streams.");
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> Throwing([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return ChatbotReplyUpdate.Delta("Partial");
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("client bug");
    }

    [Fact]
    public void New_EnquiryWithoutAChatbotDestination_IsRefusedSayingHowToFix()
    {
        var options = EnquiryOptions();
        options.Destination = new DestinationInformation("Sales", DestinationType.ServiceGroup);
        var room = new EnquiryRoom(options, _clock);

        var act = () => new ChatbotConversation(room, _client);

        act.Should().Throw<ChatRoomRuleException>().WithMessage("*was not routed to a chatbot*DestinationInformation.FromChatbot*")
            .Which.Rule.Should().Be(ChatRoomRule.EnquiryStatusConflict);
    }

    [Fact]
    public async Task VisitorMessagesSentAtOnceWhileAReplyStreams_ReachTheBotInTheOrderPosted()
    {
        var streaming = new TaskCompletionSource();
        _client.Enqueue((_, cancellationToken) => Stream(streaming.Task, cancellationToken));
        for (var i = 0; i < 20; i++)
        {
            _client.EnqueueText($"answer {i}");
        }

        var first = _conversation.SendVisitorMessageAsync("first");
        var senders = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await Task.Delay(i % 3);
            return await _conversation.SendVisitorMessageAsync($"visitor {i}");
        })).ToList();
        await Waiting.UntilAsync(() => _room.Messages.Count(message => message.Sender.Id == _room.Visitor.Id) == 21);
        streaming.SetResult();
        await Task.WhenAll(senders);
        await first;

        var posted = _room.Messages.Where(message => message.Sender.Id == _room.Visitor.Id).Select(message => message.Text).ToList();
        _client.Calls.Select(call => call.Request.Query).Should().Equal(posted, "the chatbot answers in the order the room shows");

        static async IAsyncEnumerable<ChatbotReplyUpdate> Stream(Task release, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return ChatbotReplyUpdate.Delta("Let me check");
            await release.WaitAsync(cancellationToken);
            yield return ChatbotReplyUpdate.Completed(ScriptedChatbotClient.Completed("Let me check", streamed: true));
        }
    }
}

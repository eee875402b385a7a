using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Rooms;

/// <summary>
/// An enquiry room's chatbot conversation against a real bot built with the server toolkit on loopback, through the
/// real HTTP client: streaming and JSON replies, transfer, close, buttons, failures and partial replies.
/// </summary>
public sealed class ChatbotConversationLoopbackTests(RoomBotServer server) : IClassFixture<RoomBotServer>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task StreamingDestination_ReplyGrowsInTheRoomDeltaByDelta()
    {
        var requests = new ConcurrentQueue<ChatbotRequestContext>();
        var url = server.Add(_ => ChatbotReplies.Stream(Words("We", " ship", " to", " Singapore.")), requests);
        var (room, conversation, events) = Open(Destination(url, streaming: true));

        var turn = await conversation.SendVisitorMessageAsync("Do you ship to Singapore?");

        turn.Reply!.Streamed.Should().BeTrue();
        turn.Reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        turn.ReplyMessage!.Text.Should().Be("We ship to Singapore.");
        var content = (ChatbotReplyContent)turn.ReplyMessage.Content;
        content.State.Should().Be(ChatbotReplyState.Completed);
        content.Streamed.Should().BeTrue();
        room.Messages.Count(message => message.Sender == conversation.Chatbot).Should().Be(1, "the reply is one message that grows");
        var botEvents = events.Where(change => change is ChatbotReplyDeltaEventArgs or ChatbotReplyCompletedEventArgs
            || (change is MessagePostedEventArgs posted && posted.Message.Sender == conversation.Chatbot)).ToList();
        botEvents[0].Should().BeOfType<MessagePostedEventArgs>();
        botEvents[^1].Should().BeOfType<ChatbotReplyCompletedEventArgs>();
        botEvents.OfType<ChatbotReplyDeltaEventArgs>().Should().NotBeEmpty("a streamed reply grows as deltas arrive");
        string.Concat(new[] { ((MessagePostedEventArgs)botEvents[0]).Message.Text }.Concat(botEvents.OfType<ChatbotReplyDeltaEventArgs>().Select(delta => delta.Delta)))
            .Should().Be("We ship to Singapore.");

        var request = requests.Should().ContainSingle().Which;
        request.AcceptsStreaming.Should().BeTrue();
        request.Query.Should().Be("Do you ship to Singapore?");
        request.InquiryId.Should().Be("ENQ-LOOP-1");
        request.Context.ChannelType.Should().Be("Weblink");
        request.Context.VisitorName.Should().Be("Ada Lovelace");
        request.Context.VisitorPhone.Should().Be("+6581234567");
    }

    [Fact]
    public async Task JsonDestination_ReplyArrivesWhole()
    {
        var requests = new ConcurrentQueue<ChatbotRequestContext>();
        var url = server.Add(_ => ChatbotReplies.Stream(Words("Collected", " into", " one", " JSON", " reply.")), requests);
        var (_, conversation, events) = Open(Destination(url, streaming: false));

        var turn = await conversation.SendVisitorMessageAsync("Hello");

        requests.Should().ContainSingle().Which.AcceptsStreaming.Should().BeFalse();
        turn.Reply!.Streamed.Should().BeFalse();
        turn.ReplyMessage!.Text.Should().Be("Collected into one JSON reply.");
        ((ChatbotReplyContent)turn.ReplyMessage.Content).State.Should().Be(ChatbotReplyState.Completed);
        events.OfType<ChatbotReplyDeltaEventArgs>().Should().BeEmpty();
    }

    [Fact]
    public async Task ExternalChannel_NeverStreamsEvenWhenTheDestinationDoes()
    {
        var requests = new ConcurrentQueue<ChatbotRequestContext>();
        var url = server.Add(_ => ChatbotReplies.Stream(Words("Hello", " from", " WhatsApp.")), requests);
        var (_, conversation, events) = Open(Destination(url, streaming: true), EnquiryChannel.Social);

        var turn = await conversation.SendVisitorMessageAsync("Hi");

        requests.Should().ContainSingle().Which.AcceptsStreaming.Should().BeFalse();
        turn.Reply!.Streamed.Should().BeFalse();
        turn.ReplyMessage!.Text.Should().Be("Hello from WhatsApp.");
        events.OfType<ChatbotReplyDeltaEventArgs>().Should().BeEmpty();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task DirectTransfer_MovesToWaitingForAgentOnlyWhenAllowed(bool streaming, bool transferAllowed)
    {
        var url = server.Add(_ => ChatbotReplies.DirectTransfer());
        var destination = Destination(url, streaming);
        destination.TransferToLiveAgent = transferAllowed;
        var (room, conversation, events) = Open(destination);

        var turn = await conversation.SendVisitorMessageAsync("A human, please");

        room.Status.Should().Be(transferAllowed ? EnquiryStatus.WaitingForAgent : EnquiryStatus.WithChatbot);
        turn.Action.Should().Be(transferAllowed ? ChatbotAction.DirectTransfer : ChatbotAction.None);
        room.Messages.Should().NotContain(message => message.Sender == conversation.Chatbot, "a keyword is never shown as text");
        events.OfType<EnquiryTransferredEventArgs>().Should().HaveCount(transferAllowed ? 1 : 0);
        events.OfType<ChatbotWarningEventArgs>().Select(warning => warning.Warning.Code).Should()
            .Equal(transferAllowed ? [] : [ChatbotWarningCodes.TransferNotEnabled]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CloseEnquiry_ClosesTheRoom(bool streaming)
    {
        var url = server.Add(_ => ChatbotReplies.CloseEnquiry());
        var (room, conversation, events) = Open(Destination(url, streaming));

        var turn = await conversation.SendVisitorMessageAsync("Bye");

        turn.Action.Should().Be(ChatbotAction.CloseEnquiry);
        room.IsClosed.Should().BeTrue();
        events.OfType<EnquiryClosedEventArgs>().Should().ContainSingle().Which.ClosedBy.Should().Be(conversation.Chatbot);
    }

    [Fact]
    public async Task AdvancedReplyToStreamingRequest_ThenPostbackButton_BecomesTheNextQuery()
    {
        var requests = new ConcurrentQueue<ChatbotRequestContext>();
        var url = server.Add(
            context => context.Query == "Menu"
                ? ChatbotReplies.Advanced(message => message
                    .AddBubble(bubble => bubble.AddText(title: "How can I help?"))
                    .AddQuickReply(reply => reply
                        .AddPostbackButton("Track my order", "Where is my order #1234?")
                        .AddUrlButton("Website", "https://shop.example.com")))
                : ChatbotReplies.Stream(Words("Order", " #1234", " ships", " today.")),
            requests);
        var (room, conversation, _) = Open(Destination(url, streaming: true));

        var menu = await conversation.SendVisitorMessageAsync("Menu");
        var pressed = await conversation.PressButtonAsync(menu.ReplyMessage!.Id, "Track my order");

        menu.Reply!.Streamed.Should().BeFalse("an advanced message always comes as JSON, even to a streaming request");
        ((ChatbotReplyContent)menu.ReplyMessage.Content).AdvancedMessage!.AdvancedItems.Should().HaveCount(2);
        pressed.VisitorMessage!.Text.Should().Be("Where is my order #1234?");
        pressed.VisitorMessage.Sender.Should().Be(room.Visitor);
        requests.Select(request => request.Query).Should().Equal("Menu", "Where is my order #1234?");
        pressed.ReplyMessage!.Text.Should().Be("Order #1234 ships today.");
    }

    [Fact]
    public async Task FailureWithoutText_LeavesSystemMessage()
    {
        var (room, conversation, _) = Open(Destination(server.Missing, streaming: true));

        var turn = await conversation.SendVisitorMessageAsync("Anyone there?");

        turn.Reply!.Outcome.Should().Be(ChatbotOutcome.HttpError);
        turn.ReplyMessage.Should().BeNull();
        var notice = turn.NoticeMessage!.Content.Should().BeOfType<SystemMessageContent>().Which;
        notice.SystemKind.Should().Be(SystemMessageKind.ChatbotFailed);
        notice.GetField("Outcome").Should().Be(nameof(ChatbotOutcome.HttpError));
        room.Status.Should().Be(EnquiryStatus.WithChatbot);
    }

    [Fact]
    public async Task StreamBreaksOff_PartialReplyStaysMarkedIncomplete()
    {
        var url = server.Add(_ => ChatbotReplies.Stream(BreaksOff("Your order", " left the")));
        var (room, conversation, _) = Open(Destination(url, streaming: true));

        var turn = await conversation.SendVisitorMessageAsync("Where is my order?");

        turn.Reply!.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        var content = turn.ReplyMessage!.Content.Should().BeOfType<ChatbotReplyContent>().Which;
        content.Text.Should().Be("Your order left the");
        content.State.Should().Be(ChatbotReplyState.Incomplete);
        content.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        turn.NoticeMessage.Should().BeNull();
        room.Messages.Count(message => message.Sender == conversation.Chatbot).Should().Be(1);
    }

    [Fact]
    public async Task ReplyOutlastsTheTimeLimit_PartialReplyStaysMarkedIncomplete()
    {
        var clock = new FakeTimeProvider();
        var url = server.Add(_ => ChatbotReplies.Stream(Stalls("Let me check")));
        var destination = Destination(url, streaming: true);
        destination.Limits.TotalResponseTime = TimeSpan.FromSeconds(10);
        var client = new ChatbotClient(_http, destination, timeProvider: clock);
        var room = new EnquiryRoom(Options(EnquiryChannel.Weblink));
        var conversation = new ChatbotConversation(room, client);
        var firstText = new TaskCompletionSource();
        room.Changed += (_, change) =>
        {
            if (change is MessagePostedEventArgs { Message.Content: ChatbotReplyContent })
            {
                firstText.TrySetResult();
            }
        };

        var turn = conversation.SendVisitorMessageAsync("Is it in stock?");
        await firstText.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(11));
        var result = await turn.WaitAsync(TimeSpan.FromSeconds(10));

        result.Reply!.Outcome.Should().Be(ChatbotOutcome.TimedOut);
        var content = (ChatbotReplyContent)result.ReplyMessage!.Content;
        content.Text.Should().Be("Let me check");
        content.State.Should().Be(ChatbotReplyState.Incomplete);
        content.Outcome.Should().Be(ChatbotOutcome.TimedOut);
    }

    private static ChatbotDestination Destination(Uri url, bool streaming)
    {
        var destination = new ChatbotDestination { Name = "Loopback Bot", Url = url, TransferToLiveAgent = true };
        if (streaming)
        {
            destination.Headers["Accept"] = ChatbotDestination.EventStreamMediaType;
        }

        return destination;
    }

    private static EnquiryRoomOptions Options(EnquiryChannel channel) => new()
    {
        EnquiryId = "ENQ-LOOP-1",
        Channel = channel,
        VisitorInformation = new VisitorInformation { FirstName = "Ada", LastName = "Lovelace", Phone = "+6581234567" },
        Destination = new DestinationInformation("Loopback Bot", DestinationType.Chatbot),
    };

    private (EnquiryRoom Room, ChatbotConversation Conversation, ConcurrentQueue<ChatRoomEventArgs> Events) Open(
        ChatbotDestination destination, EnquiryChannel channel = EnquiryChannel.Weblink)
    {
        var room = new EnquiryRoom(Options(channel));
        var conversation = new ChatbotConversation(room, new ChatbotClient(_http, destination));
        var events = new ConcurrentQueue<ChatRoomEventArgs>();
        room.Changed += (_, change) => events.Enqueue(change);
        return (room, conversation, events);
    }

    private static async IAsyncEnumerable<string> Words(params string[] words)
    {
        foreach (var word in words)
        {
            await Task.Yield();
            yield return word;
        }
    }

    private static async IAsyncEnumerable<string> BreaksOff(string first, string second)
    {
        yield return first;
        await Task.Delay(20);
        yield return second;
        await Task.Delay(20);
        throw new InvalidOperationException("The bot's model crashed.");
    }

    private static async IAsyncEnumerable<string> Stalls(string first, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return first;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        yield return "never";
    }
}

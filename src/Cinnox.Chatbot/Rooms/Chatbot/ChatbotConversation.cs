using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Connects an enquiry room to a chatbot destination (docs/chat-rooms.md#enquiry-and-chatbot): the visitor's messages go
/// to the chatbot with the enquiry's id and context, and each reply appears in the room as one bot message that
/// grows as deltas arrive and then completes.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>
/// Each visitor message is posted in the room at once; the chatbot then answers the messages one at a time, in
/// order. A message posted while the enquiry is no longer with the chatbot stays in the room for the agent and is
/// not sent (<see cref="ChatbotTurn.SkippedBecause"/>).
/// </description></item>
/// <item><description>
/// Replies are streamed through <see cref="IChatbotClient.StreamAsync"/> (the client falls back to JSON when the
/// destination or the bot does not stream), except for enquiries from external omni-channels, which are sent with
/// <see cref="ChatbotSendOptions.IsExternalChannel"/> and never stream.
/// </description></item>
/// <item><description>
/// <c>DIRECT_TRANSFER</c> moves the enquiry to <see cref="EnquiryStatus.WaitingForAgent"/> only when the destination
/// allows it (<see cref="ChatbotDestination.TransferToLiveAgent"/>); otherwise the chatbot keeps the enquiry and a
/// <see cref="ChatbotWarningCodes.TransferNotEnabled"/> warning is recorded (<see cref="ChatbotWarningEventArgs"/>). <c>CLOSE_ENQUIRY</c>
/// closes it. A keyword reply is never shown as text.
/// </description></item>
/// <item><description>
/// A reply that fails before any text arrives leaves a system message; a reply that breaks off keeps its text,
/// marked incomplete (<see cref="ChatbotReplyState.Incomplete"/>). Cancelling a turn keeps what was shown, marked
/// incomplete, and throws <see cref="OperationCanceledException"/>.
/// </description></item>
/// </list>
/// <para>Thread-safe. Visitor messages are answered one at a time, in the order they were posted.</para>
/// </remarks>
public sealed partial class ChatbotConversation
{
    private readonly Lock _order = new();
    private readonly ILogger _logger;
    private Task _lastTurn = Task.CompletedTask;

    /// <summary>Initializes a new instance and adds the chatbot to the room as a member.</summary>
    /// <param name="room">The enquiry room.</param>
    /// <param name="client">The client of the chatbot destination.</param>
    /// <param name="logger">Logs transfers that are refused and replies that end early; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="room"/> or <paramref name="client"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.EnquiryClosed"/>; <see cref="ChatRoomRule.EnquiryStatusConflict"/> when the room has another chatbot, or when the
    /// enquiry is not handled by a chatbot (it was opened without a chatbot destination, or has been transferred).
    /// </exception>
    public ChatbotConversation(EnquiryRoom room, IChatbotClient client, ILogger<ChatbotConversation>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(client);
        if (room.Status is EnquiryStatus.WaitingForAgent or EnquiryStatus.WithAgent)
        {
            // Otherwise every visitor message would be skipped without a word: the chatbot would never be called.
            throw new ChatRoomRuleException(ChatRoomRule.EnquiryStatusConflict,
                room.Destination?.Type == DestinationType.Chatbot
                    ? $"Enquiry {room.Enquiry.EnquiryId} is {(room.Status == EnquiryStatus.WithAgent ? "handled by an agent" : "waiting for an agent")}; a chatbot no longer answers it."
                    : $"Enquiry {room.Enquiry.EnquiryId} was not routed to a chatbot (its destination is {room.Destination?.Type.ToString() ?? "not set"}), so a chatbot would never be asked. Open it with EnquiryRoomOptions.Destination = DestinationInformation.FromChatbot(destination).",
                room.Id);
        }

        Room = room;
        Client = client;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var name = string.IsNullOrWhiteSpace(client.Destination.Name) ? "Chatbot" : client.Destination.Name;
        Chatbot = RoomMember.Bot("chatbot:" + name, name);
        room.AddChatbot(Chatbot);
    }

    /// <summary>Gets the enquiry room.</summary>
    public EnquiryRoom Room { get; }

    /// <summary>Gets the client of the chatbot destination.</summary>
    public IChatbotClient Client { get; }

    /// <summary>Gets the chatbot as a member of the room (id <c>chatbot:{destination name}</c>).</summary>
    public RoomMember Chatbot { get; }

    /// <summary>Posts the visitor's message in the room and has the chatbot answer it.</summary>
    /// <param name="text">The visitor's text.</param>
    /// <param name="cancellationToken">Cancels waiting for the reply; what was shown stays, marked incomplete.</param>
    /// <returns>The turn: the visitor's message, the reply, and what it did.</returns>
    /// <exception cref="ChatRoomRuleException">
    /// Thrown at once, before anything is posted: <see cref="ChatRoomRule.EmptyText"/>, <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public Task<ChatbotTurn> SendVisitorMessageAsync(string text, CancellationToken cancellationToken = default)
    {
        var (message, previous, done) = Enqueue(() => Room.PostText(Room.Visitor.Id, text).Message);
        return RunTurnAsync(message, text, previous, done, cancellationToken);
    }

    /// <summary>
    /// Has the chatbot answer a visitor message that is already in the room, such as one a UI posted with
    /// <see cref="ChatRoom.PostText"/>.
    /// </summary>
    /// <param name="visitorMessage">A text message of the visitor in this room.</param>
    /// <param name="cancellationToken">Cancels waiting for the reply.</param>
    /// <returns>The turn.</returns>
    /// <exception cref="ArgumentException">The message is not a text message of this room's visitor.</exception>
    public Task<ChatbotTurn> AnswerAsync(RoomMessage visitorMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorMessage);
        if (visitorMessage.RoomId != Room.Id || visitorMessage.Sender.Id != Room.Visitor.Id || visitorMessage.Content is not TextMessageContent text)
        {
            throw new ArgumentException($"Message {visitorMessage.Id} is not a text message of the visitor of room {Room.Id}.", nameof(visitorMessage));
        }

        var (_, previous, done) = Enqueue(() => visitorMessage);
        return RunTurnAsync(visitorMessage, text.Text, previous, done, cancellationToken);
    }

    /// <summary>
    /// The visitor presses a postback button of one of the chatbot's advanced messages: its postback text becomes
    /// the visitor's next message and goes to the chatbot. A postback of <c>DIRECT_TRANSFER</c> or
    /// <c>CLOSE_ENQUIRY</c> performs that action instead, and nothing is posted.
    /// </summary>
    /// <param name="messageId">The chatbot's message.</param>
    /// <param name="buttonText">The button's label (a list entry's title also matches); the first match is pressed.</param>
    /// <param name="cancellationToken">Cancels waiting for the reply.</param>
    /// <returns>The turn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buttonText"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotAPostbackButton"/> (no such postback button in a message of this chatbot), <see cref="ChatRoomRule.MessageNotFound"/>,
    /// <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public Task<ChatbotTurn> PressButtonAsync(string messageId, string buttonText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buttonText);
        var buttons = GetButtons(messageId);
        var button = buttons.FirstOrDefault(candidate => candidate.Text == buttonText) ?? buttons.FirstOrDefault(candidate => candidate.Title == buttonText)
            ?? throw new ChatRoomRuleException(ChatRoomRule.NotAPostbackButton,
                $"Message {messageId} has no button '{buttonText}'. Its buttons: {string.Join(", ", buttons.Select(static candidate => $"'{candidate.Title ?? candidate.Text}'"))}.",
                Room.Id, messageId, Room.Visitor.Id);
        return PressButtonAsync(messageId, button, cancellationToken);
    }

    /// <summary>The visitor presses a postback button of one of the chatbot's advanced messages (see the other overload).</summary>
    /// <param name="messageId">The chatbot's message.</param>
    /// <param name="button">The button, as found in the message's <see cref="ChatbotReplyContent.AdvancedMessage"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the reply.</param>
    /// <returns>The turn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="button"/> is null.</exception>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.NotAPostbackButton"/> (not a postback button of that message: open-URL buttons are opened by the visitor's
    /// device), <see cref="ChatRoomRule.MessageNotFound"/>, <see cref="ChatRoomRule.EnquiryClosed"/>.
    /// </exception>
    public Task<ChatbotTurn> PressButtonAsync(string messageId, ButtonItem button, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (!GetButtons(messageId).Contains(button))
        {
            throw new ChatRoomRuleException(ChatRoomRule.NotAPostbackButton, $"The button '{button.Text}' is not in message {messageId}.", Room.Id, messageId, Room.Visitor.Id);
        }

        if (button.Action is not PostbackAction { Text: { } postback } || string.IsNullOrWhiteSpace(postback))
        {
            throw new ChatRoomRuleException(ChatRoomRule.NotAPostbackButton,
                $"The button '{button.Text}' is not a postback button; an open-URL button is opened by the visitor's device, not posted.", Room.Id, messageId, Room.Visitor.Id);
        }

        var keyword = ChatbotKeywords.GetAction(postback);
        if (keyword != ChatbotAction.None)
        {
            var (_, waitFor, finished) = Enqueue<RoomMessage?>(() => null);
            return PerformKeywordAsync(keyword, waitFor, finished, cancellationToken);
        }

        var (message, previous, done) = Enqueue(() => Room.PostText(Room.Visitor.Id, postback).Message);
        return RunTurnAsync(message, postback, previous, done, cancellationToken);
    }

    // Posting a visitor message and taking its place in the chatbot's queue are one step, so the chatbot answers
    // messages in the order they were posted, however the callers' threads are scheduled.
    private (T Value, Task Previous, TaskCompletionSource Done) Enqueue<T>(Func<T> post)
    {
        lock (_order)
        {
            var value = post();
            var previous = _lastTurn;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _lastTurn = done.Task;
            return (value, previous, done);
        }
    }

    // Waits for the turns queued before; a caller that gives up waiting still passes the queue on in order.
    private static async Task WaitForTurnAsync(Task previous, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        try
        {
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _ = previous.ContinueWith(_ => done.TrySetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private IReadOnlyList<ButtonItem> GetButtons(string messageId)
    {
        var message = Room.GetMessage(messageId);
        if (message.Sender.Id != Chatbot.Id || message.Content is not ChatbotReplyContent { AdvancedMessage: { } advanced })
        {
            throw new ChatRoomRuleException(ChatRoomRule.NotAPostbackButton,
                $"Message {messageId} is not an advanced message of {Chatbot.DisplayName}; only its buttons can be pressed.", Room.Id, messageId, Room.Visitor.Id);
        }

        return [.. AdvancedMessageText.GetButtons(advanced)];
    }

    private async Task<ChatbotTurn> PerformKeywordAsync(ChatbotAction keyword, Task previous, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(previous, done, cancellationToken).ConfigureAwait(false);
        try
        {
            if (Room.Status != EnquiryStatus.WithChatbot)
            {
                return new ChatbotTurn { SkippedBecause = Room.Status, Status = Room.Status };
            }

            var warnings = new List<ChatbotWarning>();
            var action = Perform(keyword, warnings);
            return new ChatbotTurn { Action = action, Warnings = warnings.AsReadOnly(), Status = Room.Status };
        }
        finally
        {
            done.TrySetResult();
        }
    }

    private async Task<ChatbotTurn> RunTurnAsync(RoomMessage visitorMessage, string query, Task previous, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(previous, done, cancellationToken).ConfigureAwait(false);
        try
        {
            if (Room.Status != EnquiryStatus.WithChatbot)
            {
                return new ChatbotTurn { VisitorMessage = visitorMessage, SkippedBecause = Room.Status, Status = Room.Status };
            }

            var request = new ChatbotRequest(query) { InquiryId = Room.Enquiry.EnquiryId, Context = Room.CreateChatbotContext() };
            var writer = new ChatbotReplyWriter(Room, Chatbot);
            var warnings = new List<ChatbotWarning>();
            ChatbotReply? reply;
            try
            {
                reply = Room.IsExternalChannel
                    ? await SendIntoRoomAsync(request, writer, cancellationToken).ConfigureAwait(false)
                    : await StreamIntoRoomAsync(request, writer, warnings, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                writer.Abandon("The reply was cancelled.");
                throw;
            }
            catch (Exception exception)
            {
                writer.Abandon($"The chatbot client failed: {exception.Message}");
                throw;
            }

            RecordWarnings(reply.Warnings, warnings);

            // The reply decides for itself: Keyword is what not to show as text, Action what to do. A DIRECT_TRANSFER
            // the destination does not allow has the keyword without the action (IsActionRefused).
            var keyword = reply.Keyword;
            var (message, notice) = writer.Complete(reply, keyword);
            if (writer.IsDropped)
            {
                Warn(warnings, new ChatbotWarning(ChatbotWarningCodes.ReplyDropped, $"Enquiry {Room.Enquiry.EnquiryId} was closed while {Chatbot.DisplayName} was answering; the reply was dropped."));
                return new ChatbotTurn { VisitorMessage = visitorMessage, Reply = reply, ReplyMessage = message, Warnings = warnings.AsReadOnly(), Status = Room.Status };
            }

            if (!reply.IsCompleted)
            {
                Log.ReplyEndedEarly(_logger, Room.Enquiry.EnquiryId, reply.Outcome, message is not null);
            }
            else if (message is null && keyword == ChatbotAction.None)
            {
                Warn(warnings, new ChatbotWarning(ChatbotWarningCodes.EmptyReply, $"{Chatbot.DisplayName} replied with nothing to show."));
            }

            var action = Perform(reply.IsActionRefused ? keyword : reply.Action, warnings);
            return new ChatbotTurn
            {
                VisitorMessage = visitorMessage,
                Reply = reply,
                ReplyMessage = message,
                NoticeMessage = notice,
                Action = action,
                Warnings = warnings.AsReadOnly(),
                Status = Room.Status,
            };
        }
        finally
        {
            done.TrySetResult();
        }
    }

    private async Task<ChatbotReply> SendIntoRoomAsync(ChatbotRequest request, ChatbotReplyWriter writer, CancellationToken cancellationToken)
    {
        var reply = await Client.SendAsync(request, new ChatbotSendOptions { IsExternalChannel = true }, cancellationToken).ConfigureAwait(false);
        if (!reply.IsCompleted && cancellationToken.IsCancellationRequested)
        {
            // A buffered call the caller cancels after the reply began ends as interrupted instead of throwing; the
            // turn throws either way, as when streaming, and keeps the text that arrived, marked incomplete.
            if (!string.IsNullOrWhiteSpace(reply.Text))
            {
                writer.Complete(reply, ChatbotAction.None);
            }

            throw new OperationCanceledException(cancellationToken);
        }

        return reply;
    }

    private Task<ChatbotReply> StreamIntoRoomAsync(ChatbotRequest request, ChatbotReplyWriter writer, List<ChatbotWarning> warnings, CancellationToken cancellationToken) =>
        IntoRoom(Client.StreamAsync(request, options: null, cancellationToken), writer, warnings, cancellationToken).ToReplyAsync(cancellationToken);

    // Shows each update in the room as it passes on to ToReplyAsync, which folds them into the reply (and keeps what
    // arrived when the updates end without a final reply).
    private async IAsyncEnumerable<ChatbotReplyUpdate> IntoRoom(
        IAsyncEnumerable<ChatbotReplyUpdate> updates, ChatbotReplyWriter writer, List<ChatbotWarning> warnings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (update.Kind)
            {
                case ChatbotReplyUpdateKind.Delta:
                    writer.Append(update.Text);
                    break;
                case ChatbotReplyUpdateKind.Replace:
                    writer.Replace(update.Text);
                    break;
                case ChatbotReplyUpdateKind.Warning when update.Warning is { } warning:
                    Warn(warnings, warning);
                    break;
            }

            yield return update;
            if (writer.IsDropped)
            {
                yield break; // Leaving the loop disposes the stream, which closes the connection.
            }
        }
    }

    private ChatbotAction Perform(ChatbotAction action, List<ChatbotWarning> warnings)
    {
        switch (action)
        {
            case ChatbotAction.DirectTransfer when !Client.Destination.TransferToLiveAgent:
                Log.TransferNotAllowed(_logger, Client.Destination.Name, Room.Enquiry.EnquiryId);
                if (!warnings.Exists(static warning => warning.Code == ChatbotWarningCodes.TransferNotEnabled))
                {
                    Warn(warnings, new ChatbotWarning(ChatbotWarningCodes.TransferNotEnabled,
                        $"{Chatbot.DisplayName} asked to transfer the enquiry to a live agent (DIRECT_TRANSFER), but the destination does not allow it (TransferToLiveAgent is off); the chatbot keeps the enquiry."));
                }

                return ChatbotAction.None;
            case ChatbotAction.DirectTransfer:
                return Try(() => Room.TransferToAgent($"{Chatbot.DisplayName} transferred the enquiry to a live agent."), action, warnings);
            case ChatbotAction.CloseEnquiry:
                return Try(() => Room.Close(Chatbot.Id), action, warnings);
            default:
                return ChatbotAction.None;
        }
    }

    private ChatbotAction Try(Action change, ChatbotAction action, List<ChatbotWarning> warnings)
    {
        try
        {
            change();
            return action;
        }
        catch (ChatRoomRuleException exception) when (exception.Rule is ChatRoomRule.EnquiryClosed or ChatRoomRule.EnquiryStatusConflict)
        {
            // Someone else moved the enquiry on while the reply was arriving.
            Warn(warnings, new ChatbotWarning(ChatbotWarningCodes.ActionNotApplied, $"{ChatbotKeywords.GetKeyword(action)} was not applied: {exception.Message}"));
            return ChatbotAction.None;
        }
    }

    private void RecordWarnings(IReadOnlyList<ChatbotWarning> replyWarnings, List<ChatbotWarning> recorded)
    {
        // The final reply repeats the warnings already streamed; record only the ones not seen yet.
        var seen = recorded.GroupBy(static warning => warning).ToDictionary(static group => group.Key, static group => group.Count());
        foreach (var warning in replyWarnings)
        {
            if (seen.TryGetValue(warning, out var count) && count > 0)
            {
                seen[warning] = count - 1;
                continue;
            }

            Warn(recorded, warning);
        }
    }

    private void Warn(List<ChatbotWarning> warnings, ChatbotWarning warning)
    {
        warnings.Add(warning);
        Room.RecordChatbotWarning(warning);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Chatbot destination {Destination} asked to transfer enquiry {EnquiryId} to a live agent, but TransferToLiveAgent is off; the chatbot keeps the enquiry.")]
        public static partial void TransferNotAllowed(ILogger logger, string destination, string enquiryId);

        [LoggerMessage(2, LogLevel.Debug, "The chatbot reply to enquiry {EnquiryId} ended {Outcome}; partial text kept: {KeptText}.")]
        public static partial void ReplyEndedEarly(ILogger logger, string enquiryId, ChatbotOutcome outcome, bool keptText);
    }
}

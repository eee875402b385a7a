using System.Threading.Channels;

namespace Cinnox.Chatbot.Rooms.Storage;

// One turn: send the visitor's message, write the reply into the room as it arrives (one command per batch of deltas),
// then complete it and perform its action, in one last command.
public sealed partial class ChatbotTurnWorker
{
    private const int UpdateBuffer = 256;

    private async Task AnswerAsync(RoomWorkEntry entry, CancellationToken cancellationToken)
    {
        var roomId = entry.RoomId;
        if (ChatbotTurns.ReadPayload(entry.Item.Payload) is not { } turn)
        {
            Log.UnreadableTurn(_logger, roomId, entry.Id);
            return;
        }

        if (await _repository.FindAsync(roomId, cancellationToken).ConfigureAwait(false) is not EnquiryRoom room || _resolveClient(room) is not { } client)
        {
            Log.Skipped(_logger, roomId, entry.Id, "without a chatbot");
            return;
        }

        var name = string.IsNullOrWhiteSpace(client.Destination.Name) ? "Chatbot" : client.Destination.Name;
        var bot = RoomMember.Bot("chatbot:" + name, name);
        var status = await _repository.ExecuteAsync(roomId, current =>
        {
            var enquiry = (EnquiryRoom)current;
            if (enquiry.Status == EnquiryStatus.WithChatbot)
            {
                enquiry.AddChatbot(bot); // Joins the chatbot on its first turn; nothing changes after that.
            }

            return enquiry.Status;
        }, cancellationToken).ConfigureAwait(false);
        if (status != EnquiryStatus.WithChatbot)
        {
            Log.Skipped(_logger, roomId, entry.Id, status.ToString());
            return;
        }

        var request = new ChatbotRequest(turn.Query) { InquiryId = room.Enquiry.EnquiryId, Context = room.CreateChatbotContext() };
        var progress = new ReplyProgress();
        ChatbotReply reply;
        try
        {
            reply = room.IsExternalChannel
                ? await client.SendAsync(request, new ChatbotSendOptions { IsExternalChannel = true }, cancellationToken).ConfigureAwait(false)
                : await StreamAsync(client, request, roomId, bot, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The worker is stopping: the message was sent, so it is never sent again; finish the turn as a recovery would.
            await RecoverAsync(roomId, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (progress.ClientFailure is { } failure)
        {
            Log.TurnFailed(_logger, failure, roomId, entry.Id, failure.Message);
        }

        // The reply decides for itself: Keyword is what not to show as text, Action what to do (a DIRECT_TRANSFER the
        // destination does not allow has the keyword without the action).
        var keyword = reply.Keyword;
        var action = reply.IsActionRefused ? keyword : reply.Action;
        await _repository.ExecuteAsync(roomId, current =>
        {
            var enquiry = (EnquiryRoom)current;
            var writer = ChatbotReplyWriter.Resume(enquiry, bot, progress.MessageId, progress.Received, progress.Dropped);
            writer.Complete(reply, keyword);
            return writer.IsDropped ? ChatbotAction.None : Perform(enquiry, client, bot, action);
        }, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<ChatbotReply> StreamAsync(IChatbotClient client, ChatbotRequest request, string roomId, RoomMember bot, ReplyProgress progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var updates = Channel.CreateBounded<ChatbotReplyUpdate>(new BoundedChannelOptions(UpdateBuffer) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadUpdatesAsync(client, request, updates.Writer, stop.Token), CancellationToken.None);
        ChatbotReply? final = null;
        try
        {
            // Whatever arrived while the previous commit was in flight goes into the next one.
            var batch = new List<ChatbotReplyUpdate>();
            while (final is null && !progress.Dropped && await updates.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (final is null && updates.Reader.TryRead(out var update))
                {
                    if (update.Kind == ChatbotReplyUpdateKind.Completed)
                    {
                        final = update.Reply;
                    }
                    else if (update.Kind is ChatbotReplyUpdateKind.Delta or ChatbotReplyUpdateKind.Replace)
                    {
                        batch.Add(update);
                    }
                }

                if (batch.Count > 0)
                {
                    await WriteAsync(roomId, bot, progress, writer =>
                    {
                        foreach (var update in batch)
                        {
                            if (update.Kind == ChatbotReplyUpdateKind.Delta)
                            {
                                writer.Append(update.Text);
                            }
                            else
                            {
                                writer.Replace(update.Text);
                            }
                        }
                    }, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false); // Leaving early (closed enquiry, stopping worker) closes the stream.
            progress.ClientFailure ??= await reading.ConfigureAwait(false);
        }

        var text = progress.Received;
        return final ?? new ChatbotReply
        {
            Outcome = ChatbotOutcome.Interrupted,
            Message = text.Length > 0 ? new ChatbotTextMessage(text) : null,
            Text = text,
            Streamed = true,
            FailureReason = progress.Dropped ? "The enquiry was closed while the reply was arriving."
                : progress.ClientFailure is { } failure ? $"The chatbot client failed: {failure.Message}"
                : "The updates ended without a final reply.",
        };
    }

    private static async Task<Exception?> ReadUpdatesAsync(IChatbotClient client, ChatbotRequest request, ChannelWriter<ChatbotReplyUpdate> updates, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in client.StreamAsync(request, options: null, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await updates.WriteAsync(update, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // A throwing client ends the reply as interrupted, with what arrived kept (as ChatbotConversation does).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }
        finally
        {
            updates.TryComplete();
        }
    }

    private async Task WriteAsync(string roomId, RoomMember bot, ReplyProgress progress, Action<ChatbotReplyWriter> step, CancellationToken cancellationToken)
    {
        // The command may re-run on a fresher room (another node wrote in between): the writer is rebuilt from the
        // progress committed so far each time, and the progress moves on only once the command has committed.
        var (messageId, received, dropped) = await _repository.ExecuteAsync(roomId, current =>
        {
            var writer = ChatbotReplyWriter.Resume((EnquiryRoom)current, bot, progress.MessageId, progress.Received, progress.Dropped);
            step(writer);
            return (writer.MessageId, writer.ReceivedText, writer.IsDropped);
        }, cancellationToken).ConfigureAwait(false);
        progress.MessageId = messageId;
        progress.Received = received;
        progress.Dropped = dropped;
    }

    private ChatbotAction Perform(EnquiryRoom enquiry, IChatbotClient client, RoomMember bot, ChatbotAction action)
    {
        try
        {
            switch (action)
            {
                case ChatbotAction.DirectTransfer when !client.Destination.TransferToLiveAgent:
                    Log.TransferNotAllowed(_logger, client.Destination.Name, enquiry.Enquiry.EnquiryId);
                    return ChatbotAction.None;
                case ChatbotAction.DirectTransfer:
                    enquiry.TransferToAgent($"{bot.DisplayName} transferred the enquiry to a live agent.");
                    return action;
                case ChatbotAction.CloseEnquiry:
                    enquiry.Close(bot.Id);
                    return action;
                default:
                    return ChatbotAction.None;
            }
        }
        catch (ChatRoomRuleException exception) when (exception.Rule is ChatRoomRule.EnquiryClosed or ChatRoomRule.EnquiryStatusConflict)
        {
            return ChatbotAction.None; // Someone else moved the enquiry on while the reply was arriving.
        }
    }

    private sealed class ReplyProgress
    {
        public string? MessageId { get; set; }

        public string Received { get; set; } = string.Empty;

        public bool Dropped { get; set; }

        public Exception? ClientFailure { get; set; }
    }
}

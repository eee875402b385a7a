using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Answers queued chatbot turns (docs/chat-rooms.md#rooms-that-last) on any number of nodes: it takes one room at a time from an
/// <see cref="IRoomWorkStore"/>, so one node answers a room's turns, in order; each reply's deltas land in the room as
/// events, committed through a <see cref="RoomRepository"/> as they arrive.
/// </summary>
/// <remarks>
/// <para>
/// A turn is marked started in the store before its message is sent. A turn found started (its node stopped mid-reply) is
/// never sent to the chatbot again, since the bot may have acted: a reply that was showing is marked incomplete, and a
/// system message (<see cref="ChatbotTurnWorkerOptions.InterruptedNotice"/>) says the message was not sent again.
/// </para>
/// <para>
/// Deltas that arrive while the previous commit is in flight are committed together, so a fast stream costs a few
/// commits, not one per delta. A turn whose enquiry left the chatbot (transferred, taken or closed) before its turn is
/// finished without a call; a reply still arriving when the enquiry closes is completed as it stands.
/// </para>
/// </remarks>
public sealed partial class ChatbotTurnWorker
{
    private const int PageSize = 16;
    private readonly RoomRepository _repository;
    private readonly IRoomWorkStore _work;
    private readonly ChatbotTurnWorkerOptions _options;
    private readonly Func<EnquiryRoom, IChatbotClient?> _resolveClient;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="ChatbotTurnWorker"/> class.</summary>
    /// <param name="repository">Runs the commands that write replies into rooms.</param>
    /// <param name="work">Where turns are queued and leased; usually the same store as the repository's.</param>
    /// <param name="options">How to find each enquiry's chatbot, and the worker's pace.</param>
    /// <param name="logger">Where turns that fail or are recovered are logged.</param>
    /// <exception cref="ArgumentNullException">An argument, or <see cref="ChatbotTurnWorkerOptions.ResolveClient"/>, is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public ChatbotTurnWorker(RoomRepository repository, IRoomWorkStore work, ChatbotTurnWorkerOptions options, ILogger<ChatbotTurnWorker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.ResolveClient, "options.ResolveClient");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.InterruptedNotice, "options.InterruptedNotice");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, "options.PollInterval");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRooms, 1, "options.MaxConcurrentRooms");
        _repository = repository;
        _work = work;
        _options = options;
        _resolveClient = options.ResolveClient;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Answers turns as they are queued, on up to <see cref="ChatbotTurnWorkerOptions.MaxConcurrentRooms"/> rooms at once, until cancelled.</summary>
    /// <param name="cancellationToken">Stops the worker; a reply being answered is kept, marked incomplete, and its turn finished.</param>
    /// <returns>A task that completes when the worker has stopped.</returns>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentRooms).Select(_ => Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None)));

    /// <summary>Answers every turn it can take now (rooms other nodes hold are left to them), then returns.</summary>
    /// <param name="cancellationToken">Stops early.</param>
    /// <returns>How many turns were finished, recovered ones included.</returns>
    public async Task<int> ProcessAvailableAsync(CancellationToken cancellationToken = default)
    {
        var finished = 0;
        while (await _work.TryLeaseAsync(ChatbotTurns.Queue, cancellationToken).ConfigureAwait(false) is { } lease)
        {
            await using (lease.ConfigureAwait(false))
            {
                finished += await ProcessRoomAsync(lease, cancellationToken).ConfigureAwait(false);
            }
        }

        return finished;
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessAvailableAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    await _work.WaitForWorkAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing room (its store unreachable, its hold lost) is logged; the worker goes on with others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.LoopFailed(_logger, exception);
                try
                {
                    await _work.WaitForWorkAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> ProcessRoomAsync(IRoomWorkLease lease, CancellationToken cancellationToken)
    {
        var finished = 0;
        while ((await lease.ReadPendingAsync(PageSize, cancellationToken).ConfigureAwait(false)) is { Count: > 0 } entries)
        {
            foreach (var entry in entries)
            {
                if (entry.Started)
                {
                    Log.Recovering(_logger, entry.RoomId, entry.Id);
                    await RecoverAsync(entry.RoomId, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await lease.MarkStartedAsync(entry.Id, cancellationToken).ConfigureAwait(false);
                    await AnswerAsync(entry, cancellationToken).ConfigureAwait(false);
                }

                await lease.CompleteAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
                finished++;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return finished;
    }

    // A turn whose node stopped mid-reply: never sent again. What showed stays, marked incomplete; a notice says so.
    private async Task RecoverAsync(string roomId, CancellationToken cancellationToken)
    {
        await _repository.ExecuteAsync(roomId, context =>
        {
            if (context.Room is not EnquiryRoom { Chatbot: { } bot } enquiry)
            {
                return 0;
            }

            foreach (var message in enquiry.Messages)
            {
                if (message.Sender.Id == bot.Id && message.Content is ChatbotReplyContent { State: ChatbotReplyState.Streaming } streaming)
                {
                    ChatbotReplyWriter.Resume(enquiry, bot, message.Id, streaming.Text, dropped: false).Abandon("The node answering stopped before the reply ended.");
                }
            }

            enquiry.PostSystemMessage(new SystemMessageContent(
                SystemMessageKind.ChatbotFailed,
                string.Format(CultureInfo.InvariantCulture, _options.InterruptedNotice, bot.DisplayName),
                [new SystemMessageField("Outcome", nameof(ChatbotOutcome.Interrupted))]));
            return 0;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Room {RoomId}: chatbot turn {TurnId} had started on a node that stopped; its reply is kept as incomplete and the message is not sent again.")]
        public static partial void Recovering(ILogger logger, string roomId, long turnId);

        [LoggerMessage(2, LogLevel.Error, "The chatbot turn worker failed on a room; it goes on with others.")]
        public static partial void LoopFailed(ILogger logger, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "Room {RoomId}: chatbot turn {TurnId} carries no readable message; it is finished without a call.")]
        public static partial void UnreadableTurn(ILogger logger, string roomId, long turnId);

        [LoggerMessage(4, LogLevel.Information, "Room {RoomId}: chatbot turn {TurnId} is skipped: the enquiry is {Status}.")]
        public static partial void Skipped(ILogger logger, string roomId, long turnId, string status);

        [LoggerMessage(5, LogLevel.Warning, "Room {RoomId}: the chatbot reply of turn {TurnId} failed: {Reason}; what showed is kept, marked incomplete.")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string roomId, long turnId, string reason);

        [LoggerMessage(6, LogLevel.Warning, "Chatbot destination {Destination} asked to transfer enquiry {EnquiryId} to a live agent, but TransferToLiveAgent is off; the chatbot keeps the enquiry.")]
        public static partial void TransferNotAllowed(ILogger logger, string destination, string enquiryId);
    }
}

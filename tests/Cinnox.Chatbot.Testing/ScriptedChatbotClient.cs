using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// An <see cref="IChatbotClient"/> that plays back scripted replies in order and records every call, for testing
/// code that talks to a chatbot without a network.
/// </summary>
/// <remarks>
/// Each call takes the next script. <see cref="SendAsync"/> folds the script's updates like a JSON reply would
/// arrive (no deltas). A call with no script left answers <see cref="ChatbotOutcome.Unreachable"/>.
/// </remarks>
public sealed class ScriptedChatbotClient : IChatbotClient
{
    private readonly ConcurrentQueue<Func<ChatbotRequest, CancellationToken, IAsyncEnumerable<ChatbotReplyUpdate>>> _scripts = new();
    private readonly ConcurrentQueue<ChatbotCall> _calls = new();

    /// <summary>Initializes a new instance.</summary>
    /// <param name="destination">The destination; <see langword="null"/> for one named "Test Bot" on http://127.0.0.1/bot.</param>
    public ScriptedChatbotClient(ChatbotDestination? destination = null) =>
        Destination = destination ?? new ChatbotDestination { Name = "Test Bot", Url = new Uri("http://127.0.0.1/bot") };

    /// <inheritdoc />
    public ChatbotDestination Destination { get; }

    /// <summary>Gets the calls made so far, in order.</summary>
    public IReadOnlyList<ChatbotCall> Calls => [.. _calls];

    /// <summary>Adds a reply whose text arrives in deltas and then completes.</summary>
    /// <param name="deltas">The pieces of text.</param>
    /// <returns>This client.</returns>
    public ScriptedChatbotClient EnqueueDeltas(params string[] deltas) =>
        Enqueue([.. deltas.Select(ChatbotReplyUpdate.Delta), ChatbotReplyUpdate.Completed(Completed(string.Concat(deltas), streamed: true))]);

    /// <summary>Adds a reply that arrives whole, as a JSON reply does.</summary>
    /// <param name="text">The text, or an action keyword.</param>
    /// <returns>This client.</returns>
    public ScriptedChatbotClient EnqueueText(string text) =>
        Enqueue(ChatbotReplyUpdate.Replace(text), ChatbotReplyUpdate.Completed(Completed(text, streamed: false)));

    /// <summary>Adds a reply given whole.</summary>
    /// <param name="reply">The final reply.</param>
    /// <returns>This client.</returns>
    public ScriptedChatbotClient EnqueueReply(ChatbotReply reply) => Enqueue(ChatbotReplyUpdate.Completed(reply));

    /// <summary>Adds a reply made of the given updates.</summary>
    /// <param name="updates">The updates, normally ending with a completed one.</param>
    /// <returns>This client.</returns>
    public ScriptedChatbotClient Enqueue(params ChatbotReplyUpdate[] updates) => Enqueue((_, cancellationToken) => Play(updates, cancellationToken));

    /// <summary>Adds a reply produced by a function of the request, such as one that waits for a signal between deltas.</summary>
    /// <param name="script">Produces the updates.</param>
    /// <returns>This client.</returns>
    public ScriptedChatbotClient Enqueue(Func<ChatbotRequest, CancellationToken, IAsyncEnumerable<ChatbotReplyUpdate>> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _scripts.Enqueue(script);
        return this;
    }

    /// <summary>Makes a completed reply with the action its text stands for.</summary>
    /// <param name="text">The text.</param>
    /// <param name="streamed">Whether it arrived as a stream.</param>
    /// <returns>The reply.</returns>
    public static ChatbotReply Completed(string text, bool streamed) => new()
    {
        Outcome = ChatbotOutcome.Completed,
        Message = new ChatbotTextMessage(text),
        Text = text,
        Action = ChatbotKeywords.GetAction(text),
        Streamed = streamed,
        StatusCode = 200,
    };

    /// <summary>Makes a reply that ended early with the text that arrived.</summary>
    /// <param name="outcome">How it ended.</param>
    /// <param name="text">The text that arrived.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The reply.</returns>
    public static ChatbotReply Failed(ChatbotOutcome outcome, string text = "", string reason = "The connection broke.") => new()
    {
        Outcome = outcome,
        Message = text.Length > 0 ? new ChatbotTextMessage(text) : null,
        Text = text,
        Streamed = text.Length > 0,
        FailureReason = reason,
    };

    /// <inheritdoc />
    public async Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Enqueue(new ChatbotCall(request, options, Streamed: false));
        var reply = await Next(request, cancellationToken).ToReplyAsync(cancellationToken).ConfigureAwait(false);
        return new ChatbotReply
        {
            Outcome = reply.Outcome,
            Message = reply.Message,
            Text = reply.Text,
            Action = reply.Action,
            Streamed = false,
            StatusCode = reply.StatusCode,
            Warnings = reply.Warnings,
            FailureReason = reply.FailureReason,
        };
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatbotReplyUpdate> StreamAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Enqueue(new ChatbotCall(request, options, Streamed: true));
        return Next(request, cancellationToken);
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> Play(ChatbotReplyUpdate[] updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }
    }

    private IAsyncEnumerable<ChatbotReplyUpdate> Next(ChatbotRequest request, CancellationToken cancellationToken) =>
        _scripts.TryDequeue(out var script)
            ? script(request, cancellationToken)
            : Play([ChatbotReplyUpdate.Completed(Failed(ChatbotOutcome.Unreachable, reason: "No scripted reply is left."))], cancellationToken);
}

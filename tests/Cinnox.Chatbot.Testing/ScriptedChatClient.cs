using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// A deterministic <see cref="IChatClient"/>: each call plays the next script (text pieces, tool calls, a failure)
/// and is recorded with the messages and options it got. With no script left it echoes the last user message.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<IReadOnlyList<ChatMessage>, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>> _scripts = new();
    private readonly ConcurrentQueue<Call> _calls = new();

    /// <summary>Gets the calls made so far, in order.</summary>
    public IReadOnlyList<Call> Calls => [.. _calls];

    /// <summary>Adds a reply whose text arrives in the given pieces.</summary>
    public ScriptedChatClient EnqueueText(params string[] pieces) =>
        Enqueue((_, cancellationToken) => Play(pieces.Select(piece => new ChatResponseUpdate(ChatRole.Assistant, piece)), cancellationToken));

    /// <summary>Adds a reply that calls a tool, after the given text pieces.</summary>
    public ScriptedChatClient EnqueueToolCall(string name, IDictionary<string, object?>? arguments = null, params string[] textBefore) =>
        Enqueue((_, cancellationToken) => Play(
            [
                .. textBefore.Select(piece => new ChatResponseUpdate(ChatRole.Assistant, piece)),
                new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent($"call-{_calls.Count}", name, arguments)]),
            ],
            cancellationToken));

    /// <summary>Adds a reply made by a function of the messages.</summary>
    public ScriptedChatClient Enqueue(Func<IReadOnlyList<ChatMessage>, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _scripts.Enqueue(script);
        return this;
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var copy = messages.ToList();
        _calls.Enqueue(new Call(copy, options));
        return _scripts.TryDequeue(out var script) ? script(copy, cancellationToken) : Echo(copy, cancellationToken);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static IAsyncEnumerable<ChatResponseUpdate> Echo(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var last = messages.LastOrDefault(message => message.Role == ChatRole.User)?.Text ?? string.Empty;
        return Play(("Echo: " + last).Split(' ').Select((word, i) => new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? word : " " + word)), cancellationToken);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Play(IEnumerable<ChatResponseUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }
    }

    /// <summary>One call: the messages the model was given and its options.</summary>
    public sealed record Call(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
    {
        /// <summary>Gets the text of the messages, one "role: text" per message.</summary>
        public IReadOnlyList<string> Lines => [.. Messages.Select(message => $"{message.Role}: {message.Text}")];
    }
}

using System.Text;

namespace Cinnox.Chatbot;

/// <summary>Extensions for <see cref="IChatbotClient"/> and its updates.</summary>
public static class ChatbotClientExtensions
{
    /// <summary>Sends a text as a request and returns the final reply.</summary>
    /// <param name="client">The client.</param>
    /// <param name="query">The visitor's text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static Task<ChatbotReply> SendAsync(this IChatbotClient client, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync(new ChatbotRequest(query), null, cancellationToken);
    }

    /// <summary>Folds a stream of updates into the final reply.</summary>
    /// <param name="updates">The updates, as returned by <see cref="IChatbotClient.StreamAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>
    /// The reply of the <see cref="ChatbotReplyUpdateKind.Completed"/> update. When the updates end without one
    /// (a custom client that stops early), a reply is made from the folded text and warnings with the outcome
    /// <see cref="ChatbotOutcome.Interrupted"/>; status code and timings are then unknown.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="updates"/> is null.</exception>
    public static async Task<ChatbotReply> ToReplyAsync(this IAsyncEnumerable<ChatbotReplyUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var text = new StringBuilder();
        var warnings = new List<ChatbotWarning>();
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (update.Kind)
            {
                case ChatbotReplyUpdateKind.Completed:
                    return update.Reply!;
                case ChatbotReplyUpdateKind.Delta:
                    text.Append(update.Text);
                    break;
                case ChatbotReplyUpdateKind.Replace:
                    text.Clear().Append(update.Text);
                    break;
                case ChatbotReplyUpdateKind.Warning:
                    warnings.Add(update.Warning!);
                    break;
            }
        }

        return ChatbotReply.Interrupted(text.ToString(), "The updates ended without a final reply.", warnings);
    }
}

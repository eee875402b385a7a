namespace Cinnox.Chatbot.Testing;

/// <summary>Reads a body already in hand (a captured stream, a benchmark's bytes) into a reply, as the client would.</summary>
public static class ChatbotReplyReading
{
    /// <summary>
    /// Reads a whole body into a reply. Size limits and broken bodies end the reply with their outcome; cancellation throws.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="mediaType">The media type of its <c>Content-Type</c>, or <see langword="null"/> to decide by its first byte.</param>
    /// <param name="limits">The size limits; the defaults when <see langword="null"/>.</param>
    /// <param name="transferToLiveAgent">Whether a <c>DIRECT_TRANSFER</c> reply may transfer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reply.</returns>
    public static async Task<ChatbotReply> ReadReplyAsync(
        Stream body, string? mediaType, ChatbotLimits? limits = null, bool transferToLiveAgent = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var reader = new ChatbotReplyReader(limits ?? new ChatbotLimits(), transferToLiveAgent);
        try
        {
            await reader.ReadToEndAsync(body, mediaType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ChatbotReplyReader.Classify(exception) is { } outcome)
        {
            return reader.CreateReply(outcome, exception.Message, statusCode: null, timeToFirstByte: null);
        }

        return reader.CreateReply(null, null, statusCode: null, timeToFirstByte: null);
    }
}

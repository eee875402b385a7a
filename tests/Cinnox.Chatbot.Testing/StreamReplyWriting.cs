using System.IO.Pipelines;
using Cinnox.Chatbot.Server;

namespace Cinnox.Chatbot.Testing;

/// <summary>Writes a handler's texts as the toolkit's event stream into any stream (a capture, a benchmark's null stream).</summary>
public static class StreamReplyWriting
{
    /// <summary>
    /// Writes the texts as Server-Sent Events, exactly as the endpoint would, with no time budget of its own, through a
    /// <see cref="PipeWriter"/> over <paramref name="destination"/> (each flush of the writer writes and flushes the stream).
    /// </summary>
    /// <param name="deltas">The handler's texts.</param>
    /// <param name="destination">Where the events go.</param>
    /// <param name="options">The limits and stream settings.</param>
    /// <param name="cancellationToken">Stands for the platform disconnecting.</param>
    /// <returns>The number of body bytes written; none when cancelled before anything was written.</returns>
    public static async Task<long> WriteEventStreamAsync(
        IAsyncEnumerable<string> deltas, Stream destination, ChatbotServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        var writer = new StreamReplyWriter(deltas, options, TimeProvider.System, null, cancellationToken, cancellationToken);
        await using (writer.ConfigureAwait(false))
        {
            var output = PipeWriter.Create(destination, new StreamPipeWriterOptions(leaveOpen: true));
            await writer.WriteEventStreamAsync(output, onStart: null).ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);
            return writer.BytesWritten;
        }
    }

    /// <summary>Writes the texts as Server-Sent Events straight into a <see cref="PipeWriter"/>, as the endpoint writes into the response.</summary>
    /// <param name="deltas">The handler's texts.</param>
    /// <param name="destination">Where the events go; flushed, never completed.</param>
    /// <param name="options">The limits and stream settings.</param>
    /// <param name="cancellationToken">Stands for the platform disconnecting.</param>
    /// <returns>The number of body bytes written; none when cancelled before anything was written.</returns>
    public static async Task<long> WriteEventStreamAsync(
        IAsyncEnumerable<string> deltas, PipeWriter destination, ChatbotServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        var writer = new StreamReplyWriter(deltas, options, TimeProvider.System, null, cancellationToken, cancellationToken);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteEventStreamAsync(destination, onStart: null).ConfigureAwait(false);
            return writer.BytesWritten;
        }
    }
}

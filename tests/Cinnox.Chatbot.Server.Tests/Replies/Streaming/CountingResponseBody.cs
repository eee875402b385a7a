using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>
/// A response body that counts the bytes the application hands to the server, whether or not the socket has taken
/// them: with a reader that takes nothing, the count is how much of the reply the server was made to hold.
/// </summary>
public sealed class CountingResponseBody(IHttpResponseBodyFeature inner) : PipeWriter, IHttpResponseBodyFeature
{
    private long _handed;

    /// <summary>Gets the bytes handed to the server so far.</summary>
    public long Handed => Interlocked.Read(ref _handed);

    /// <inheritdoc/>
    public Stream Stream => inner.Stream;

    /// <inheritdoc/>
    public PipeWriter Writer => this;

    /// <summary>Wraps the response body of every request to the application in a counter reported to <paramref name="counted"/>.</summary>
    public static void Use(IApplicationBuilder app, Action<CountingResponseBody> counted) => app.Use(async (context, next) =>
    {
        var body = new CountingResponseBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>());
        context.Features.Set<IHttpResponseBodyFeature>(body);
        counted(body);
        await next(context);
    });

    /// <inheritdoc/>
    public void DisableBuffering() => inner.DisableBuffering();

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    /// <inheritdoc/>
    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        inner.SendFileAsync(path, offset, count, cancellationToken);

    /// <inheritdoc/>
    public Task CompleteAsync() => inner.CompleteAsync();

    /// <inheritdoc/>
    public override void Advance(int bytes)
    {
        Interlocked.Add(ref _handed, bytes);
        inner.Writer.Advance(bytes);
    }

    /// <inheritdoc/>
    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.Writer.GetMemory(sizeHint);

    /// <inheritdoc/>
    public override Span<byte> GetSpan(int sizeHint = 0) => inner.Writer.GetSpan(sizeHint);

    /// <inheritdoc/>
    public override void CancelPendingFlush() => inner.Writer.CancelPendingFlush();

    /// <inheritdoc/>
    public override void Complete(Exception? exception = null) => inner.Writer.Complete(exception);

    /// <inheritdoc/>
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.Writer.FlushAsync(cancellationToken);
}

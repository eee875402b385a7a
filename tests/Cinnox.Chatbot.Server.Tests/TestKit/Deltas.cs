using System.Runtime.CompilerServices;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>Streams of text for handlers under test.</summary>
public static class Deltas
{
    /// <summary>Yields each piece, going asynchronous between pieces as a real producer would.</summary>
    public static async IAsyncEnumerable<string> From(IEnumerable<string> pieces, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var piece in pieces)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return piece;
        }
    }

    /// <summary>Yields each piece.</summary>
    public static IAsyncEnumerable<string> Of(params string[] pieces) => From(pieces);

    /// <summary>Yields the pieces, then throws.</summary>
    public static async IAsyncEnumerable<string> ThenThrow(Exception exception, params string[] pieces)
    {
        foreach (var piece in pieces)
        {
            await Task.Yield();
            yield return piece;
        }

        throw exception;
    }

    /// <summary>
    /// Yields the pieces, then empty texts forever, never going asynchronous and ignoring its token: a handler bug
    /// that only the time budget can end.
    /// </summary>
    public static async IAsyncEnumerable<string> ThenEmptyForever(params string[] pieces)
    {
        await Task.CompletedTask;
        foreach (var piece in pieces)
        {
            yield return piece;
        }

        while (true)
        {
            yield return string.Empty;
        }
    }

    /// <summary>Yields the pieces, then waits for the token (or forever, when the handler ignores it).</summary>
    public static async IAsyncEnumerable<string> ThenWait(TaskCompletionSource? cancelled, bool honourToken, string[] pieces, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Signalled by a registration (a handler that ignores its token still hears it) and, in case the iterator is
        // disposed before the registration ran, by the finally block.
        using var registration = cancellationToken.Register(() => cancelled?.TrySetResult());
        try
        {
            foreach (var piece in pieces)
            {
                await Task.Yield();
                yield return piece;
            }

            if (honourToken)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            else
            {
                await new TaskCompletionSource().Task;
            }

            yield return "never";
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled?.TrySetResult();
            }
        }
    }
}

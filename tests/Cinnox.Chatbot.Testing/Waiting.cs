namespace Cinnox.Chatbot.Testing;

/// <summary>Waits for something another thread does, such as a server scheduling a timer, without fixed sleeps.</summary>
public static class Waiting
{
    /// <summary>Polls a condition until it holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to wait at most; 10 seconds when not given.</param>
    /// <param name="because">What the condition means, for the failure message.</param>
    /// <returns>A task that completes once the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            try
            {
                await Task.Delay(5, cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(because is null ? "The condition did not hold in time." : "Timed out waiting until " + because + ".");
            }
        }
    }
}

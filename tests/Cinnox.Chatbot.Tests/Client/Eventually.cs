namespace Cinnox.Chatbot.Tests.Client;

internal static class Eventually
{
    /// <summary>Waits until a condition holds, failing after a generous bound (never reached when the code works).</summary>
    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException("Timed out waiting until " + because);
            }

            await Task.Delay(5);
        }
    }
}

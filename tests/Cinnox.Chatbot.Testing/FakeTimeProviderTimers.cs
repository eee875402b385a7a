using System.Reflection;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// Lets a test see that code under test has scheduled its timers on a <see cref="FakeTimeProvider"/> before it moves
/// the clock: advancing too early would leave a timer scheduled after the jump, never to fire.
/// </summary>
public static class FakeTimeProviderTimers
{
    // FakeTimeProvider keeps its scheduled timers in an internal set; it offers no public count.
    private static readonly FieldInfo Waiters = typeof(FakeTimeProvider).GetField("Waiters", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("FakeTimeProvider no longer keeps its timers in 'Waiters'; update FakeTimeProviderTimers.");

    /// <summary>Gets the number of timers that are scheduled and not yet disposed.</summary>
    /// <param name="time">The clock.</param>
    /// <returns>The number of scheduled timers.</returns>
    public static int ActiveTimerCount(this FakeTimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var waiters = (System.Collections.IEnumerable)Waiters.GetValue(time)!;
        lock (waiters)
        {
            return waiters.Cast<object>().Count();
        }
    }
}

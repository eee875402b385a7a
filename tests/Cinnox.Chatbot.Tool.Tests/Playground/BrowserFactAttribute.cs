namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>A test that needs chromium: skipped with a message saying how to get it, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserFixture.SkipReason;
}

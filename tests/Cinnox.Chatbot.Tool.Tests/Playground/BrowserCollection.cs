namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>The browser tests share one chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using Cinnox.Chatbot.Testing;
using Cinnox.Chatbot.Tool.Cli;

namespace Cinnox.Chatbot.Tool.Tests.Api;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesCheckedInListing()
    {
        // The tool is an application: its listing stays empty, and its contract is its command line.
        var difference = PublicApiListing.Compare(typeof(ToolApp).Assembly, PublicApiListing.FromRepositoryRoot("api/Cinnox.Chatbot.Tool.txt"));

        difference.Should().BeEmpty();
    }
}

using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesCheckedInListing()
    {
        var difference = PublicApiListing.Compare(typeof(ChatbotMessage).Assembly, PublicApiListing.FromRepositoryRoot("api/Cinnox.Chatbot.txt"));

        difference.Should().BeEmpty();
    }
}

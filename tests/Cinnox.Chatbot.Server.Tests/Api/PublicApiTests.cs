namespace Cinnox.Chatbot.Server.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesCheckedInListing()
    {
        var difference = PublicApiListing.Compare(typeof(ChatbotReplies).Assembly, PublicApiListing.FromRepositoryRoot("api/Cinnox.Chatbot.Server.txt"));

        difference.Should().BeEmpty();
    }
}

using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests.Api;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesCheckedInListing()
    {
        var difference = PublicApiListing.Compare(typeof(PostgreSqlRoomStore).Assembly, PublicApiListing.FromRepositoryRoot("api/Cinnox.Chatbot.Rooms.PostgreSql.txt"));

        difference.Should().BeEmpty();
    }
}

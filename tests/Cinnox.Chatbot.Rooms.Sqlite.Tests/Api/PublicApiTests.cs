namespace Cinnox.Chatbot.Rooms.Sqlite.Tests.Api;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesCheckedInListing()
    {
        var difference = PublicApiListing.Compare(typeof(SqliteRoomStore).Assembly, PublicApiListing.FromRepositoryRoot("api/Cinnox.Chatbot.Rooms.Sqlite.txt"));

        difference.Should().BeEmpty();
    }
}

using Cinnox.Chatbot.Testing;
using static Cinnox.Chatbot.Rooms.Tests.RoomTestData;

namespace Cinnox.Chatbot.Rooms.Tests;

public class RoomMemberTests
{
    [Fact]
    public void RoomMember_Validated()
    {
        FluentActions.Invoking(() => RoomMember.Staff("", "x")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => RoomMember.Staff("x", " ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new RoomMember("x", "y", (RoomMemberKind)42)).Should().Throw<ArgumentOutOfRangeException>();
        RoomMember.Staff("x", "  Padded  ").DisplayName.Should().Be("Padded");
    }
}

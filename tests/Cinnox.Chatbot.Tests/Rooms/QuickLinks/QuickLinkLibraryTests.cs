namespace Cinnox.Chatbot.Rooms.Tests;

public class QuickLinkLibraryTests
{
    private readonly QuickLinkLibrary _library = new();

    [Fact]
    public void Expand_PersonalAndChannelShortcuts_ReplacedByLinkOrNumber()
    {
        _library.AddPersonal("alice", "mylink", QuickLinkKind.WebLink, "https://cinnox.example.com/alice", "Alice's direct chat");
        _library.AddChannel("/hotline", QuickLinkKind.PhoneNumber, "+852 3000 1234");

        var expansion = _library.Expand("alice", "Chat with me at /mylink or call /Hotline.");

        expansion.Text.Should().Be("Chat with me at https://cinnox.example.com/alice or call +85230001234.");
        expansion.Expanded.Select(link => link.Shortcut).Should().Equal("mylink", "hotline");
    }

    [Fact]
    public void Expand_PersonalWinsOverChannel_OtherStaffGetTheChannelOne()
    {
        _library.AddChannel("book", QuickLinkKind.WebLink, "https://example.com/book");
        _library.AddPersonal("alice", "book", QuickLinkKind.WebLink, "https://example.com/book/alice");

        _library.Expand("alice", "/book").Text.Should().Be("https://example.com/book/alice");
        _library.Expand("bob", "/book").Text.Should().Be("https://example.com/book");
    }

    [Fact]
    public void Expand_UnknownOrEmbeddedSlash_LeftAsWritten()
    {
        _library.AddChannel("book", QuickLinkKind.WebLink, "https://example.com/book");

        var expansion = _library.Expand("alice", "see /etc/hosts, and/book, / alone, /nothing");

        expansion.Text.Should().Be("see /etc/hosts, and/book, / alone, /nothing");
        expansion.Expanded.Should().BeEmpty();
    }

    [Fact]
    public void AddPersonal_SameShortcut_Replaces()
    {
        _library.AddPersonal("alice", "x", QuickLinkKind.WebLink, "https://example.com/1");
        _library.AddPersonal("alice", "X", QuickLinkKind.WebLink, "https://example.com/2");

        _library.GetAvailable("alice").Should().ContainSingle().Which.Value.Should().Be("https://example.com/2");
    }

    [Theory]
    [InlineData("", QuickLinkKind.WebLink, "https://example.com")]
    [InlineData("has space", QuickLinkKind.WebLink, "https://example.com")]
    [InlineData("this-shortcut-name-is-far-too-long", QuickLinkKind.WebLink, "https://example.com")]
    [InlineData("web", QuickLinkKind.WebLink, "example.com")]
    [InlineData("web", QuickLinkKind.WebLink, "mailto:someone@example.com")]
    [InlineData("tel", QuickLinkKind.PhoneNumber, "3000 1234")]
    public void Add_Invalid_RefusedAsInvalidQuickLink(string shortcut, QuickLinkKind kind, string value) =>
        FluentActions.Invoking(() => _library.AddChannel(shortcut, kind, value)).Should().Throw<ChatRoomRuleException>()
            .Which.Rule.Should().Be(ChatRoomRule.InvalidQuickLink);

    [Fact]
    public void GetAvailable_PersonalFirstThenChannel_RemoveDeletes()
    {
        var channel = _library.AddChannel("a-channel", QuickLinkKind.WebLink, "https://example.com/c");
        _library.AddPersonal("alice", "z-mine", QuickLinkKind.WebLink, "https://example.com/p");
        _library.AddPersonal("bob", "bobs", QuickLinkKind.WebLink, "https://example.com/b");

        _library.GetAvailable("alice").Select(link => link.Shortcut).Should().Equal("z-mine", "a-channel");
        _library.Remove(channel).Should().BeTrue();
        _library.Find("alice", "/a-channel").Should().BeNull();
    }
}

namespace Cinnox.Chatbot.Rooms.Tests;

public class UtmInformationTests
{
    [Fact]
    public void Parse_FiveStandardParameters_ReadsEachInSeedOrder()
    {
        var utm = UtmInformation.Parse(new Uri(
            "https://example.com/chat?utm_term=running+shoes&utm_source=newsletter&utm_medium=email&utm_content=hero-button&utm_campaign=spring_sale"));

        utm.Campaign.Should().Be("spring_sale");
        utm.Content.Should().Be("hero-button");
        utm.Medium.Should().Be("email");
        utm.Source.Should().Be("newsletter");
        utm.Term.Should().Be("running shoes");
        utm.Parameters.Select(parameter => parameter.Label).Should().Equal("UTM Campaign", "UTM Content", "UTM Medium", "UTM Source", "UTM Term");
        utm.Custom.Should().BeEmpty();
    }

    [Fact]
    public void Parse_CustomParameter_KeptWithItsNameAfterTheStandardOnes()
    {
        var utm = UtmInformation.Parse("https://example.com/?utm_memberid=M-42&utm_source=ads&utm_region=apac");

        utm.Custom.Should().Equal(new UtmParameter("utm_memberid", "M-42"), new UtmParameter("utm_region", "apac"));
        utm.Parameters.Select(parameter => parameter.Name).Should().Equal("utm_source", "utm_memberid", "utm_region");
        utm.Custom[0].Label.Should().Be("UTM memberid");
        utm["UTM_MEMBERID"].Should().Be("M-42");
    }

    [Fact]
    public void Parse_RepeatedParameter_FirstNonEmptyValueWins()
    {
        var utm = UtmInformation.Parse("https://example.com/?utm_source=&utm_source=first&utm_source=second&utm_x=a&UTM_X=b");

        utm.Source.Should().Be("first");
        utm.Custom.Should().ContainSingle().Which.Should().Be(new UtmParameter("utm_x", "a"));
    }

    [Theory]
    [InlineData("https://example.com/?utm_source=")]
    [InlineData("https://example.com/?utm_source")]
    [InlineData("https://example.com/?utm_source=%20%20")]
    [InlineData("https://example.com/?utm_=value")]
    public void Parse_EmptyValueOrName_CountsAsAbsent(string weblink) =>
        UtmInformation.Parse(weblink).Should().BeSameAs(UtmInformation.Empty);

    [Fact]
    public void Parse_EncodedNamesAndValues_DecodedAfterSplitting()
    {
        var utm = UtmInformation.Parse("https://example.com/?utm%5Fsource=caf%C3%A9%20%26%20bar&utm_term=a%3Db%2Bc&utm_campaign=50%25+off");

        utm.Source.Should().Be("café & bar");
        utm.Term.Should().Be("a=b+c");
        utm.Campaign.Should().Be("50% off");
    }

    [Fact]
    public void Parse_MalformedEscape_KeptAsWritten() =>
        UtmInformation.Parse("https://example.com/?utm_source=100%zz").Source.Should().Be("100%zz");

    [Fact]
    public void Parse_MixedCaseNames_MatchTheStandardOnes()
    {
        var utm = UtmInformation.Parse("https://example.com/?UTM_Source=Google&Utm_Medium=cpc&utm_MemberId=7");

        utm.Source.Should().Be("Google");
        utm.Medium.Should().Be("cpc");
        utm.Custom.Should().ContainSingle().Which.Name.Should().Be("utm_MemberId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://example.com/chat")]
    [InlineData("https://example.com/chat?ref=home&lang=en")]
    [InlineData("https://example.com/chat#utm_source=fragment")]
    public void Parse_NoUtmParameters_GivesEmpty(string? weblink)
    {
        var utm = UtmInformation.Parse(weblink);

        utm.IsEmpty.Should().BeTrue();
        utm.Source.Should().BeNull();
        utm.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Parse_BareQueryOrRelativeLink_Read()
    {
        UtmInformation.Parse("utm_source=mail").Source.Should().Be("mail");
        UtmInformation.Parse("?utm_source=mail").Source.Should().Be("mail");
        UtmInformation.Parse(new Uri("/chat?utm_source=mail#top", UriKind.Relative)).Source.Should().Be("mail");
    }

    [Fact]
    public void Parse_OtherParametersAroundUtm_Ignored()
    {
        var utm = UtmInformation.Parse("https://example.com/?gclid=abc&utm_source=ads&utm=nope&xutm_source=nope");

        utm.Parameters.Should().ContainSingle().Which.Should().Be(new UtmParameter("utm_source", "ads"));
    }

    [Fact]
    public void Parse_QueryInsideAHashRoute_IsRead()
    {
        var utm = UtmInformation.Parse("https://shop.example.com/#/chat?utm_source=fb&utm_campaign=spring");

        utm.Source.Should().Be("fb");
        utm.Campaign.Should().Be("spring");
    }
}

using System.Text.Json.Nodes;

namespace Cinnox.Chatbot.Tests;

public partial class ChatbotJsonTests
{
    [Fact]
    public void SerializeRequest_Current_WritesEveryFieldAndOmitsUnknownContext()
    {
        var request = new ChatbotRequest("Hello 你好")
        {
            InquiryId = "enq-42",
            Context = { ChannelType = "Weblink", VisitorName = "Ada" },
        };
        request.QueryParams["lang"] = "en";

        var json = JsonNode.Parse(ChatbotJson.SerializeRequest(request))!.AsObject();

        json.Select(property => property.Key).Should().Equal("query", "queryParams", "inquiryID", "action", "channelType", "visitorName");
        json["query"]!.GetValue<string>().Should().Be("Hello 你好");
        json["action"]!.GetValue<string>().Should().Be("input.unknown");
        json["queryParams"]!["lang"]!.GetValue<string>().Should().Be("en");
    }

    [Fact]
    public void SerializeRequest_WithoutInquiryOrParams_HasEmptyParamsAndNoInquiry()
    {
        var json = JsonNode.Parse(ChatbotJson.SerializeRequest(new ChatbotRequest("hi")))!.AsObject();

        json.ContainsKey("inquiryID").Should().BeFalse();
        json["queryParams"]!.AsObject().Should().BeEmpty();
    }

    [Fact]
    public void SerializeRequest_Legacy_WritesOnlyQueryText()
    {
        var request = new ChatbotRequest("hi") { InquiryId = "x", Context = { VisitorName = "Ada" } };

        System.Text.Encoding.UTF8.GetString(ChatbotJson.SerializeRequest(request, ChatbotRequestFormat.Legacy))
            .Should().Be("""{"queryResult":{"queryText":"hi"}}""");
    }

    [Fact]
    public void SerializeRequest_WritesNonAsciiUnescaped_SoSizesMatchTheText() =>
        System.Text.Encoding.UTF8.GetString(ChatbotJson.SerializeRequest(new ChatbotRequest("café 你好 <b>")))
            .Should().Contain("café 你好 <b>");

    [Fact]
    public void ParseRequest_BothFormats_QueryWins()
    {
        var request = ChatbotJson.ParseRequest("""{"queryResult":{"queryText":"legacy"},"query":"current"}""");

        request.Query.Should().Be("current");
        request.Format.Should().Be(ChatbotRequestFormat.Current);
    }

    [Fact]
    public void ParseRequest_NestedContext_FillsFields_TopLevelWins()
    {
        var request = ChatbotJson.ParseRequest("""
            {"query":"q","visitorName":"Top","context":{"visitorName":"Nested","channelType":"Tag","extra":1}}
            """);

        request.Context.VisitorName.Should().Be("Top");
        request.Context.ChannelType.Should().Be("Tag");
        request.AdditionalProperties.Should().ContainKey("context");
    }

    [Fact]
    public void ParseRequest_UnknownFields_AreKeptAndWrittenBack()
    {
        var request = ChatbotJson.ParseRequest("""{"query":"q","sessionId":"s-1","flags":{"beta":true},"list":[1,2]}""");

        request.AdditionalProperties.Keys.Should().Equal("sessionId", "flags", "list");
        var written = JsonNode.Parse(ChatbotJson.SerializeRequest(request))!;
        written["sessionId"]!.GetValue<string>().Should().Be("s-1");
        written["flags"]!["beta"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void ParseRequest_ScalarsOfOtherTypes_AreKeptAsText()
    {
        var request = ChatbotJson.ParseRequest("""{"query":"q","inquiryID":12345,"channelId":7,"queryParams":{"n":1.5,"b":false,"nil":null,"o":{"x":1}}}""");

        request.InquiryId.Should().Be("12345");
        request.Context.ChannelId.Should().Be("7");
        request.QueryParams.Should().Equal(new Dictionary<string, string> { ["n"] = "1.5", ["b"] = "false", ["o"] = """{"x":1}""" });
    }

    [Theory]
    [InlineData("{}", "no query")]
    [InlineData("""{"query":null}""", "no query")]
    [InlineData("""{"query":42}""", "'$.query' must be a string")]
    [InlineData("""{"query":["a"]}""", "'$.query' must be a string")]
    [InlineData("""{"queryResult":{"queryText":5}}""", "queryText")]
    [InlineData("""{"queryResult":"x"}""", "'$.queryResult' must be an object")]
    [InlineData("""{"query":"q","queryParams":[]}""", "'$.queryParams' must be an object")]
    [InlineData("""{"query":"q","visitorName":{"first":"A"}}""", "'$.visitorName' must be a string")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("\"q\"", "must be a JSON object")]
    [InlineData("", "empty")]
    [InlineData("{\"query\":\"q\"", "not valid CINNOX JSON")]
    [InlineData("{\"query\":\"q\"} trailing", "not valid CINNOX JSON")]
    public void ParseRequest_BadInput_ThrowsProtocolExceptionSayingWhy(string json, string reason)
    {
        var exception = FluentActions.Invoking(() => ChatbotJson.ParseRequest(json)).Should().Throw<ChatbotProtocolException>().Which;

        exception.Message.Should().ContainAll(reason.Split('|', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ContextIndexer_UnknownField_ThrowsListingTheFields()
    {
        var context = new ChatbotEnquiryContext { ["tagName"] = "VIP" };

        context.TagName.Should().Be("VIP");
        FluentActions.Invoking(() => context["tag"] = "x").Should().Throw<ArgumentException>().WithMessage("*tagType, tagId, tagName*");
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotCli;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>The contract of <c>samples/ChatbotCli</c>, run against real loopback bots.</summary>
public class ChatbotCliTests(LoopbackBotHost server) : IClassFixture<LoopbackBotHost>
{
    [Fact]
    public async Task Send_Json_PrintsExactlyOneObjectAndExitsZero()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(SeedExamples.Text("reply-text"));
        });

        var (exit, output, error) = await RunAsync("send", "--url", url.ToString(), "--query", "hello", "--json");

        exit.Should().Be(0, error);
        var json = SingleObject(output);
        json.Select(property => property.Key).Should().Equal("outcome", "reason", "streamed", "statusCode", "text", "action", "message", "warnings");
        json["outcome"]!.GetValue<string>().Should().Be("completed");
        json["reason"].Should().BeNull();
        json["streamed"]!.GetValue<bool>().Should().BeFalse();
        json["statusCode"]!.GetValue<int>().Should().Be(200);
        json["text"]!.GetValue<string>().Should().Be("Please contact our customer service support.");
        json["action"]!.GetValue<string>().Should().Be("none");
        JsonNode.DeepEquals(json["message"], JsonNode.Parse(SeedExamples.Text("reply-text"))!["message"]).Should().BeTrue();
        json["warnings"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Send_EveryOption_ReachesTheBot()
    {
        RecordedCall? call = null;
        var url = server.Map(async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            call = new RecordedCall(context.Request.Headers.Accept.ToString(), context.Request.Headers["X-Api-Key"].ToString(),
                context.Request.ContentType, body.RootElement.Clone(), context.Request.QueryString.Value);
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"message\":{\"type\":1,\"text\":\"ok\"}}\n\n");
        });

        var (exit, output, _) = await RunAsync(
            "send", "--url", url + "?v=2", "--query", "Where is my order?", "--stream", "--inquiry-id", "enq-77",
            "--param", "tenant=acme", "--param=lang=en", "--header", "X-Api-Key: s3cret", "--context", "visitorName=Ada Lovelace",
            "--context", "channelType=web", "--timeout-seconds", "5", "--max-event-bytes", "4096", "--max-response-bytes", "100000", "--json");

        exit.Should().Be(0);
        SingleObject(output)["streamed"]!.GetValue<bool>().Should().BeTrue();
        call!.Accept.Should().Be("text/event-stream");
        call.ApiKey.Should().Be("s3cret");
        call.ContentType.Should().Be("application/json; charset=utf-8");
        call.Query.Should().Be("?v=2");
        var body = call.Body;
        body.GetProperty("query").GetString().Should().Be("Where is my order?");
        body.GetProperty("inquiryID").GetString().Should().Be("enq-77");
        body.GetProperty("action").GetString().Should().Be("input.unknown");
        body.GetProperty("queryParams").GetRawText().Should().Be("{\"tenant\":\"acme\",\"lang\":\"en\"}");
        body.GetProperty("visitorName").GetString().Should().Be("Ada Lovelace");
        body.GetProperty("channelType").GetString().Should().Be("web");
    }

    [Fact]
    public async Task Send_LegacyAndExternalChannel_SendTheLegacyBodyAndAskForJson()
    {
        RecordedCall? call = null;
        var url = server.Map(async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            call = new RecordedCall(context.Request.Headers.Accept.ToString(), null, null, body.RootElement.Clone(), null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(SeedExamples.Text("reply-text"));
        });

        var (exit, _, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi", "--stream", "--legacy", "--external-channel", "--json");

        exit.Should().Be(0);
        call!.Accept.Should().Be("application/json");
        call.Body.GetRawText().Should().Be("{\"queryResult\":{\"queryText\":\"hi\"}}");
    }

    [Fact]
    public async Task Send_Live_ShowsTheTextThenTheOutcomeAndTimings()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await LoopbackBotHost.WriteInPiecesAsync(context.Response,
                "data: {\"message\":{\"type\":1,\"text\":\"Hello, \",\"streamType\":\"delta\"}}\n\n" +
                "data: {oops}\n\n" +
                "data: {\"message\":{\"type\":1,\"text\":\"world\",\"streamType\":\"delta\"}}\n\n", 9);
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi", "--stream");

        exit.Should().Be(0);
        output.Should().StartWith("Hello, ");
        output.Should().Contain("! warning malformedEvent").And.Contain("world");
        output.Should().Contain("outcome: completed (HTTP 200, streamed)").And.Contain("timings: first byte");
    }

    [Fact]
    public async Task Send_LiveAdvancedMessage_IsDrawnReadably()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(SeedExamples.Text("reply-advanced-quick-reply"));
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi");

        exit.Should().Be(0);
        var button = JsonNode.Parse(SeedExamples.Text("reply-advanced-quick-reply"))!["message"]!["advancedItems"]![1]!["items"]![0]!["text"]!.GetValue<string>();
        output.Should().Contain("┌─ bubble").And.Contain("quick replies:").And.Contain($"( {button} ) → opens https://www.grlc.com");
    }

    [Theory]
    [InlineData(500, "httpError")]
    [InlineData(200, "invalidResponse")]
    public async Task Send_ReplyThatDoesNotComplete_ExitsOne(int status, string outcome)
    {
        var url = server.Map(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"error\":\"nope\"}");
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi", "--json");

        exit.Should().Be(1);
        var json = SingleObject(output);
        json["outcome"]!.GetValue<string>().Should().Be(outcome);
        json["statusCode"]!.GetValue<int>().Should().Be(status);
        json["message"].Should().BeNull();
        json["reason"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Send_EventOverTheLimit_ReportsEventTooLargeWithThePartialText()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"message\":{\"type\":1,\"text\":\"kept\",\"streamType\":\"delta\"}}\n\n" +
                "data: {\"message\":{\"type\":1,\"text\":\"" + new string('x', 200) + "\",\"streamType\":\"delta\"}}\n\n");
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi", "--stream", "--max-event-bytes", "100", "--json");

        exit.Should().Be(1);
        var json = SingleObject(output);
        json["outcome"]!.GetValue<string>().Should().Be("eventTooLarge");
        json["text"]!.GetValue<string>().Should().Be("kept");
        json["message"]!["text"]!.GetValue<string>().Should().Be("kept");
    }

    [Theory]
    [InlineData("{elsewhere}")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    public async Task Send_Redirect_IsAnHttpErrorThatIsNeverFollowed(string location)
    {
        var followed = 0;
        var elsewhere = server.Map(context =>
        {
            Interlocked.Increment(ref followed);
            return Task.CompletedTask;
        });
        var url = server.Map(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = location.Replace("{elsewhere}", elsewhere.ToString(), StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi", "--header", "X-Api-Key: s3cret", "--json");

        exit.Should().Be(1);
        var json = SingleObject(output);
        json["outcome"]!.GetValue<string>().Should().Be("httpError");
        json["statusCode"]!.GetValue<int>().Should().Be(307);
        followed.Should().Be(0);
    }

    [Theory]
    [InlineData("check", "--help")]
    [InlineData("playground", "--help")]
    public async Task OtherCommands_AreOfferedToo(params string[] args)
    {
        var (exit, output, _) = await RunAsync(args);

        exit.Should().Be(0);
        output.Should().Contain($"usage: ChatbotCli {args[0]} --url URL");
    }

    [Fact]
    public async Task Send_StallingBot_TimesOut()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"message\":{\"type\":1,\"text\":\"wait\",\"streamType\":\"delta\"}}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "hi", "--stream", "--timeout-seconds", "0.3", "--json");

        exit.Should().Be(1);
        SingleObject(output)["outcome"]!.GetValue<string>().Should().Be("timedOut");
    }

    [Fact]
    public async Task Send_KeywordReply_IsReportedAsItsAction()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"message\":{\"type\":1,\"text\":\"DIRECT_\",\"streamType\":\"delta\"}}\n\n" +
                "data: {\"message\":{\"type\":1,\"text\":\"TRANSFER\",\"streamType\":\"delta\"}}\n\n");
        });

        var (exit, output, _) = await RunAsync("send", "--url", url.ToString(), "--query", "agent please", "--stream", "--json");

        exit.Should().Be(0);
        SingleObject(output)["action"]!.GetValue<string>().Should().Be("directTransfer");
    }

    [Theory]
    [InlineData("send", "--query", "hi")]
    [InlineData("send", "--url", "ftp://bot.example/", "--query", "hi")]
    [InlineData("send", "--url", "{url}")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--header", "Content-Type: text/plain")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--header", "X-Key: a\nb")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--header", "no colon")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--context", "shoeSize=9")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--param", "novalue")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--timeout-seconds", "-1")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--max-event-bytes", "0")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--max-response-bytes", "lots")]
    [InlineData("send", "--url", "{url}", "--query", "hi", "--frobnicate")]
    [InlineData("send", "--url", "{url}", "--url", "{url}", "--query", "hi")]
    [InlineData("send", "--url", "{url}", "--query")]
    [InlineData("fetch", "--url", "{url}", "--query", "hi")]
    [InlineData]
    public async Task Send_InvalidArguments_ExitTwoAndSendNothing(params string[] args)
    {
        var calls = 0;
        var url = server.Map(context =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        var (exit, output, error) = await RunAsync([.. args.Select(arg => arg.Replace("{url}", url.ToString(), StringComparison.Ordinal))]);

        exit.Should().Be(2);
        error.Should().Contain("error: ").And.Contain("usage:");
        output.Should().BeEmpty();
        calls.Should().Be(0);
    }

    [Fact]
    public async Task Help_PrintsUsageAndExitsZero()
    {
        var (exit, output, _) = await RunAsync("--help");

        exit.Should().Be(0);
        output.Should().Contain("usage: ChatbotCli send --url URL --query TEXT");
    }

    [Fact]
    public async Task Process_JsonRun_WritesOneLineAndItsExitCode()
    {
        var url = server.Map(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"message\":{\"type\":1,\"text\":\"CLOSE_ENQUIRY\"}}");
        });
        var cli = Path.Combine(AppContext.BaseDirectory, "ChatbotCli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "send", "--url", url.ToString(), "--query", "bye", "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.Should().Be(0);
        output.TrimEnd('\n', '\r').Should().NotContain("\n");
        var json = SingleObject(output);
        json["action"]!.GetValue<string>().Should().Be("closeEnquiry");
        json["text"]!.GetValue<string>().Should().Be("CLOSE_ENQUIRY");
    }

    private static JsonObject SingleObject(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output));
        var node = JsonNode.Parse(ref reader)!.AsObject();
        reader.Read().Should().BeFalse("stdout holds exactly one JSON object");
        return node;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed record RecordedCall(string Accept, string? ApiKey, string? ContentType, JsonElement Body, string? Query);
}

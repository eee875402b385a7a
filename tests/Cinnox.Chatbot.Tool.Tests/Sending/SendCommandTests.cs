using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Tool.Tests.Sending;

/// <summary>The <c>send</c> command against hostile loopback bots: redirects, hostile locations, and telemetry.</summary>
public sealed class SendCommandTests(LoopbackBotHost host) : IClassFixture<LoopbackBotHost>
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Send_RedirectToAnotherOrigin_IsAnHttpErrorAndTheHeadersNeverLeave(int status)
    {
        var calls = 0;
        var keys = new List<string>();
        await using var elsewhere = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref calls);
            lock (keys)
            {
                keys.Add(context.Request.Headers["X-Api-Key"].ToString());
            }

            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"message\":{\"type\":1,\"text\":\"stolen\"}}");
        });
        var url = host.Map(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = elsewhere.Url("chatbot").ToString();
            return Task.CompletedTask;
        });

        var (exit, output, _) = await ToolRun.RunAsync("send", "--url", url.ToString(), "--query", "hi", "--header", "X-Api-Key: s3cret", "--json");

        exit.Should().Be(1);
        var json = ToolRun.SingleObject(output);
        json["outcome"]!.GetValue<string>().Should().Be("httpError");
        json["statusCode"]!.GetValue<int>().Should().Be(status);
        json["reason"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["text"]!.GetValue<string>().Should().BeEmpty();
        calls.Should().Be(0, "a redirect is never followed, so the API key never reaches another origin");
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:application/json,{\"message\":{\"type\":1,\"text\":\"x\"}}")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("//evil.example/chatbot")]
    public async Task Send_HostileLocation_IsAnHttpErrorWithoutACrash(string location)
    {
        var url = host.Map(context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

        var (live, liveOutput, liveError) = await ToolRun.RunAsync("send", "--url", url.ToString(), "--query", "hi", "--stream");
        var (exit, output, _) = await ToolRun.RunAsync("send", "--url", url.ToString(), "--query", "hi", "--json");

        live.Should().Be(1, liveError);
        liveOutput.Should().Contain("outcome: httpError (HTTP 302)").And.Contain("reason: ");
        exit.Should().Be(1);
        ToolRun.SingleObject(output)["outcome"]!.GetValue<string>().Should().Be("httpError");
    }

    [Fact]
    public async Task Send_Otel_ExportsTracesAndMetricsToStandardErrorAndKeepsStandardOutputOneObject()
    {
        var url = host.Map(context => BotReplies.JsonAsync(context, "{\"message\":{\"type\":1,\"text\":\"Hi\"}}"));

        var (exit, output, error) = await ToolRun.RunAsync("send", "--url", url.ToString(), "--query", "hi", "--json", "--otel");

        exit.Should().Be(0);
        ToolRun.SingleObject(output)["text"]!.GetValue<string>().Should().Be("Hi");
        error.Should().Contain("Activity.TraceId").And.Contain("Metric Name").And.Contain(ChatbotClient.DiagnosticsName);
    }

    [Fact]
    public async Task Help_NamesTheTool()
    {
        var (exit, output, _) = await ToolRun.RunAsync("send", "--help");

        exit.Should().Be(0);
        output.Should().Contain("usage: cinnox-chatbot send --url URL --query TEXT").And.Contain("--otel");
    }
}

using System.Xml.Linq;
using Cinnox.Chatbot.Testing;
using Cinnox.Chatbot.Tool.Checking;

namespace Cinnox.Chatbot.Tool.Tests.Checking;

/// <summary>The <c>check</c> command against real loopback bots: a good one, the reference bot, and one per broken rule.</summary>
public sealed class CheckCommandTests(LoopbackBotHost host) : IClassFixture<LoopbackBotHost>
{
    public static TheoryData<string> Rules => [.. CheckRules.All.Select(rule => rule.Id)];

    [Fact]
    public async Task Check_ShowcaseBot_PassesEveryRule()
    {
        await using var bot = await LoopbackServer.StartAsync(
            services => Cinnox.Chatbot.Samples.ShowcaseBot.AddServices(services, apiKey: "s3cret"),
            app => Cinnox.Chatbot.Samples.ShowcaseBot.Map(app));

        var (exit, output, error) = await ToolRun.RunAsync("check", "--url", bot.Url("chatbot").ToString(), "--header", "Authorization: Bearer s3cret",
            "--query", "card", "--query", "menu", "--query", "list", "--query", "carousel", "--query", "agent", "--query", "bye", "--query", "whoami", "--json");

        var report = ToolRun.SingleObject(output);
        report["findings"]!.AsArray().Should().BeEmpty(error);
        report["failed"]!.GetValue<int>().Should().Be(0);
        report["warnings"]!.GetValue<int>().Should().Be(0);
        report["passed"]!.GetValue<int>().Should().Be(CheckRules.All.Count(rule => CheckRules.IsChecked(rule, checkMedia: false)));
        exit.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Check_BotThatBreaksTheRule_ReportsItWithAReproduction(string ruleId)
    {
        var breaking = BreakingBots.All[ruleId];
        var url = host.Map(breaking.Bot);
        if (breaking.Media is { } media)
        {
            host.Map(media, "/media/" + ruleId.Split('.')[1] + ".png");
        }

        var (exit, output, error) = await ToolRun.RunAsync(["check", "--url", url.ToString(), "--json", .. breaking.Arguments ?? []]);

        var report = ToolRun.SingleObject(output);
        var findings = report["findings"]!.AsArray().Select(finding => finding!.AsObject()).ToList();
        var rule = CheckRules.All.Single(rule => rule.Id == ruleId);
        var mine = findings.Where(finding => finding["rule"]!.GetValue<string>() == ruleId).ToList();
        mine.Should().NotBeEmpty($"the bot breaks {ruleId}; the report was {output} {error}");
        mine.Should().OnlyContain(finding => finding["severity"]!.GetValue<string>() == (rule.Severity == CheckSeverity.Error ? "error" : "warning"));
        mine.Should().OnlyContain(finding => finding["reproduce"]!.GetValue<string>().StartsWith("curl ", StringComparison.Ordinal));
        findings.Where(finding => finding["severity"]!.GetValue<string>() == "error").Select(finding => finding["rule"]!.GetValue<string>())
            .Where(id => id != ruleId).Should().BeEmpty("the bot breaks only this rule: {0}", output);
        exit.Should().Be(rule.Severity == CheckSeverity.Error ? 1 : 0);
    }

    [Fact]
    public async Task Check_GoodBot_PassesWithNoWarning()
    {
        var url = host.Map(BreakingBots.Good);

        var (exit, output, _) = await ToolRun.RunAsync("check", "--url", url.ToString());

        exit.Should().Be(0);
        output.Should().Contain("PASS  stream.framing").And.NotContain("FAIL").And.NotContain("WARN");
        output.TrimEnd().Should().EndWith($"{CheckRules.All.Count(rule => CheckRules.IsChecked(rule, checkMedia: false))} passed, 0 failed, 0 warnings");
    }

    [Fact]
    public async Task Check_HumanReport_GivesEachFailureItsPathAndACurlThatHidesSecrets()
    {
        var url = host.Map(BreakingBots.All["message.tooLong"].Bot);

        var (exit, output, _) = await ToolRun.RunAsync("check", "--url", url.ToString(), "--header", "X-Api-Key: s3cret", "--param", "tenant=acme");

        exit.Should().Be(1);
        output.Should().Contain("FAIL  message.tooLong").And.Contain("PASS  http.status");
        output.Should().Contain("FAIL message.tooLong: 'text' is 26 characters; the limit is 20.");
        output.Should().Contain("path: $.advancedItems[0].items[0].text");
        output.Should().Contain($"reproduce: curl -sS -i -N -X POST '{url}'").And.Contain("-H \"X-Api-Key: $CHATBOT_X_API_KEY\"")
            .And.Contain("--data-raw '{\"query\":\"hello\"").And.Contain("\"tenant\":\"acme\"").And.NotContain("s3cret");
    }

    [Fact]
    public async Task Check_JUnit_WritesOneCasePerRuleWithTheFailures()
    {
        var url = host.Map(BreakingBots.All["stream.framing"].Bot);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xml");
        try
        {
            var (exit, _, _) = await ToolRun.RunAsync("check", "--url", url.ToString(), "--junit", file);

            exit.Should().Be(1);
            var suite = XDocument.Load(file).Root!.Element("testsuite")!;
            suite.Elements("testcase").Select(test => test.Attribute("name")!.Value).Should().Equal(
                CheckRules.All.Where(rule => CheckRules.IsChecked(rule, checkMedia: false)).Select(rule => rule.Id));
            suite.Attribute("failures")!.Value.Should().Be("1");
            var failure = suite.Elements("testcase").Single(test => test.Attribute("name")!.Value == "stream.framing").Element("failure")!;
            failure.Value.Should().Contain("not SSE fields").And.Contain("reproduce: curl ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--url", "ftp://bot.example/")]
    [InlineData("check", "--url", "http://127.0.0.1:9/", "--max-event-bytes", "0")]
    [InlineData("check", "--url", "http://127.0.0.1:9/", "--header", "no colon")]
    [InlineData("check", "--url", "http://127.0.0.1:9/", "--junit")]
    [InlineData("check", "--url", "http://127.0.0.1:9/", "--frobnicate")]
    public async Task Check_InvalidArguments_ExitTwo(params string[] args)
    {
        var (exit, output, error) = await ToolRun.RunAsync(args);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("error: ").And.Contain("usage: cinnox-chatbot check --url URL");
    }
}

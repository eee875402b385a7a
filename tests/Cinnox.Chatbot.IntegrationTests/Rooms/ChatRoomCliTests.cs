using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRoomCli;

namespace Cinnox.Chatbot.IntegrationTests.Rooms;

/// <summary>The command-line contract of <c>samples/ChatRoomCli</c> over a SQLite file.</summary>
public sealed class ChatRoomCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cinnox-cli-").FullName;

    private string Store => $"sqlite:{Path.Combine(_folder, "rooms.db")}";

    [Fact]
    public async Task EveryCommand_PrintsItsOneJsonObject()
    {
        (await Run("create-space", "--store", Store, "--room", "space-42", "--name", "Support team", "--member", "alice=Alice Wong", "--member", "bob=Bob"))
            .Should().Be((0, """{"room":"space-42"}"""));
        var first = Json((await Run("post", "--store", Store, "--room", "space-42", "--sender", "alice", "--text", "Hello @Bob", "--client-id", "c-1")).Output);
        var repeated = Json((await Run("post", "--store", Store, "--room", "space-42", "--sender", "alice", "--text", "Hello @Bob", "--client-id", "c-1")).Output);
        var second = Json((await Run("post", "--store", Store, "--room", "space-42", "--sender", "alice", "--text", "second")).Output);
        var id = second["id"]!.GetValue<string>();

        first.Select(property => property.Key).Should().Equal("id", "sequence");
        first["sequence"]!.GetValue<long>().Should().Be(1);
        JsonNode.DeepEquals(repeated, first).Should().BeTrue("a repeated --client-id returns the first post");
        second["sequence"]!.GetValue<long>().Should().Be(2);
        Json((await Run("unread", "--store", Store, "--member", "bob")).Output).ToJsonString().Should().Be("""{"badge":1,"rooms":[{"room":"space-42","unread":2}]}""");
        Json((await Run("edit", "--store", Store, "--room", "space-42", "--sender", "alice", "--message", id, "--text", "second!")).Output).ToJsonString()
            .Should().Be(second.ToJsonString());
        Json((await Run("recall", "--store", Store, "--room", "space-42", "--sender", "alice", "--message", first["id"]!.GetValue<string>())).Output)["sequence"]!
            .GetValue<long>().Should().Be(1);
        (await Run("read", "--store", Store, "--room", "space-42", "--member", "bob")).Should().Be((0, """{"room":"space-42","unread":0}"""));
        (await Run("unread", "--store", Store, "--member", "bob")).Should().Be((0, """{"badge":0,"rooms":[]}"""));

        var history = Json((await Run("history", "--store", Store, "--room", "space-42")).Output)["messages"]!.AsArray();
        history.Select(message => message!.AsObject().Select(property => property.Key)).Should().AllSatisfy(keys => keys.Should().Equal("id", "sequence", "sender", "text", "edited", "recalled"));
        history.Select(message => (message!["sequence"]!.GetValue<long>(), message["text"]?.GetValue<string>(), message["edited"]!.GetValue<bool>(), message["recalled"]!.GetValue<bool>()))
            .Should().Equal((1L, null, false, true), (2L, "second!", true, false));
        Json((await Run("history", "--store", Store, "--room", "space-42", "--after", "1", "--limit", "1")).Output)["messages"]!.AsArray().Single()!["id"]!.GetValue<string>().Should().Be(id);
    }

    [Fact]
    public async Task RuleRefusal_ExitsThreeWithTheRule()
    {
        await Run("create-space", "--store", Store, "--room", "s", "--name", "Team", "--member", "alice=Alice", "--member", "bob=Bob");
        var id = Json((await Run("post", "--store", Store, "--room", "s", "--sender", "alice", "--text", "mine")).Output)["id"]!.GetValue<string>();

        var (exit, output) = await Run("recall", "--store", Store, "--room", "s", "--sender", "bob", "--message", id);

        exit.Should().Be(3);
        var error = Json(output);
        error.Select(property => property.Key).Should().Equal("error", "message");
        error["error"]!.GetValue<string>().Should().Be("NotTheSender");
        (await Run("post", "--store", Store, "--room", "nowhere", "--sender", "alice", "--text", "x")).Exit.Should().Be(3);
        (await Run("create-space", "--store", Store, "--room", "s", "--name", "Again", "--member", "carol=Carol")).Output.Should().Contain("\"error\":\"RoomAlreadyExists\"");
    }

    [Theory]
    [InlineData("post", "--room", "s", "--sender", "alice", "--text", "no store")]
    [InlineData("post", "--store", "{store}", "--room", "s", "--sender", "alice")]
    [InlineData("history", "--store", "{store}", "--room", "s", "--limit", "0")]
    [InlineData("create-space", "--store", "{store}", "--room", "s", "--name", "n", "--member", "no-equals-sign")]
    [InlineData("teleport", "--store", "{store}")]
    [InlineData("unread", "--store", "mysql:somewhere", "--member", "bob")]
    [InlineData("unread", "--store", "{store}")]
    public async Task BadArguments_ExitTwoWithNothingOnStdout(params string[] args)
    {
        var (exit, output) = await Run([.. args.Select(arg => arg.Replace("{store}", Store, StringComparison.Ordinal))]);

        exit.Should().Be(2);
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task ConcurrentProcesses_OnOneStore_EveryPostLandsOnceWithoutGaps()
    {
        await Run("create-space", "--store", Store, "--room", "s", "--name", "Team", "--member", "alice=Alice", "--member", "bob=Bob");
        var cli = Path.Combine(AppContext.BaseDirectory, "ChatRoomCli.dll");

        var runs = Enumerable.Range(0, 12).Select(i => RunProcessAsync(cli, "post", "--store", Store, "--room", "s", "--sender", i % 2 == 0 ? "alice" : "bob",
            "--text", $"message {i % 10}", "--client-id", $"client-{i % 10}"));
        var results = await Task.WhenAll(runs);

        results.Should().OnlyContain(result => result.Exit == 0);
        var history = Json((await Run("history", "--store", Store, "--room", "s")).Output)["messages"]!.AsArray();
        history.Should().HaveCount(10, "two of the twelve repeat a client id");
        history.Select(message => message!["sequence"]!.GetValue<long>()).Should().Equal(Enumerable.Range(1, 10).Select(i => (long)i));
        history.Select(message => message!["id"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        results.Select(result => Json(result.Output)["id"]!.GetValue<string>()).Distinct().Should().HaveCount(10);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may hold the file a moment longer; the temp folder is cleaned by the system.
        }
    }

    private static JsonObject Json(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output));
        var node = JsonNode.Parse(ref reader)!.AsObject();
        reader.Read().Should().BeFalse("stdout holds exactly one JSON object");
        return node;
    }

    private static async Task<(int Exit, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RoomCli.RunAsync(args, output, error);
        return (exit, output.ToString().TrimEnd('\n', '\r'));
    }

    private static async Task<(int Exit, string Output)> RunProcessAsync(string cli, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, (await output).TrimEnd('\n', '\r') + (await error));
    }
}

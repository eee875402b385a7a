using System.Text.Json.Nodes;
using Cinnox.Chatbot.Tool.Cli;

namespace Cinnox.Chatbot.Tool.Tests;

/// <summary>Runs the tool's command line in process, as a terminal would.</summary>
public static class ToolRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static JsonObject SingleObject(string output)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output));
        var node = JsonNode.Parse(ref reader)!.AsObject();
        reader.Read().Should().BeFalse("stdout holds exactly one JSON object");
        return node;
    }
}

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Reading and validating the help page's advanced replies (JSON, not streamed), against parsing the same bytes
/// into a <see cref="JsonDocument"/> — the least any reader that looks at every token must do.
/// </summary>
[MemoryDiagnoser]
public class JsonReplyBenchmarks
{
    private byte[] _utf8 = [];

    /// <summary>Gets or sets the help-page example being read.</summary>
    [ParamsSource(nameof(Examples))]
    public string Example { get; set; } = string.Empty;

    /// <summary>Gets the names of the advanced examples.</summary>
    public static IEnumerable<string> Examples => SeedExamples.AdvancedReplyNames;

    /// <summary>Loads the example.</summary>
    [GlobalSetup]
    public void Setup() => _utf8 = SeedExamples.Utf8(Example);

    /// <summary>Parses the bytes into a document and disposes it.</summary>
    /// <returns>The number of containers, so the work cannot be skipped.</returns>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_utf8);
        return document.RootElement.GetProperty("message"u8).GetProperty("advancedItems"u8).GetArrayLength();
    }

    /// <summary>Reads the reply into the typed model and validates every rule.</summary>
    /// <returns>The number of containers plus issues.</returns>
    [Benchmark]
    public int ParseAndValidate()
    {
        var message = (ChatbotAdvancedMessage)ChatbotJson.ParseReply(_utf8);
        return message.AdvancedItems.Count + ChatbotMessageValidator.Validate(message).Count;
    }
}

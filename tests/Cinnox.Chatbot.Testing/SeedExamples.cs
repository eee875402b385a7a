using System.Text;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// The JSON examples of the General Chatbot help page, copied verbatim into <c>Seeds/</c> beside a copy of the
/// page itself (<c>Seeds/general-chatbot-help-page.txt</c>). <see cref="ExtractFromSeedText"/> re-extracts them
/// from the page so a test can prove the copies are complete and unchanged. Everything is embedded in this
/// assembly: no test looks outside the repository.
/// </summary>
public static class SeedExamples
{
    private const string HelpPageResource = "Seeds/general-chatbot-help-page.txt";

    /// <summary>The reply examples, by file name without extension.</summary>
    public static IReadOnlyList<string> ReplyNames { get; } =
    [
        "reply-text",
        "reply-advanced-bubble-text",
        "reply-advanced-quick-reply",
        "reply-advanced-bubble-button-1",
        "reply-advanced-bubble-button-2",
        "reply-advanced-list",
    ];

    /// <summary>The advanced reply examples.</summary>
    public static IReadOnlyList<string> AdvancedReplyNames { get; } = [.. ReplyNames.Where(name => name.Contains("advanced", StringComparison.Ordinal))];

    /// <summary>Every example, by file name without extension.</summary>
    public static IReadOnlyList<string> AllNames { get; } =
        [.. typeof(SeedExamples).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Seeds/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => name["Seeds/".Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Gets an example's text.</summary>
    /// <param name="name">The file name without extension, such as <c>reply-advanced-list</c>.</param>
    /// <returns>The JSON text, exactly as on the page.</returns>
    public static string Text(string name)
    {
        using var stream = typeof(SeedExamples).Assembly.GetManifestResourceStream($"Seeds/{name}.json")
            ?? throw new ArgumentException($"No seed example named '{name}'. Known: {string.Join(", ", AllNames)}", nameof(name));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Gets an example's UTF-8 bytes.</summary>
    /// <param name="name">The file name without extension.</param>
    /// <returns>The JSON as UTF-8.</returns>
    public static byte[] Utf8(string name) => Encoding.UTF8.GetBytes(Text(name));

    /// <summary>Gets the text of the General Chatbot help page the examples come from, kept in the repository.</summary>
    /// <returns>The page text.</returns>
    public static string HelpPageText()
    {
        using var stream = typeof(SeedExamples).Assembly.GetManifestResourceStream(HelpPageResource)
            ?? throw new InvalidOperationException($"The help page '{HelpPageResource}' is not embedded in the test assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Extracts every JSON block from the help page's text: each run of lines that starts with <c>{</c> and
    /// closes its braces.
    /// </summary>
    /// <param name="pageText">The page text.</param>
    /// <returns>The blocks, in page order.</returns>
    public static IReadOnlyList<string> ExtractFromSeedText(string pageText)
    {
        ArgumentNullException.ThrowIfNull(pageText);
        var lines = pageText.Split('\n');
        var blocks = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "{" && !lines[i].StartsWith("{\"", StringComparison.Ordinal))
            {
                continue;
            }

            var depth = 0;
            var block = new StringBuilder();
            for (; i < lines.Length; i++)
            {
                block.Append(lines[i]).Append('\n');
                depth += lines[i].Count(c => c == '{') - lines[i].Count(c => c == '}');
                if (depth <= 0)
                {
                    break;
                }
            }

            var text = block.ToString();
            blocks.Add(text[..(text.LastIndexOf('}') + 1)]);
        }

        return blocks;
    }
}

using System.Text.RegularExpressions;

namespace Cinnox.Chatbot.IntegrationTests.Documentation;

/// <summary>A fenced <c>csharp</c> block of one of the repository's Markdown documents.</summary>
/// <param name="File">The document, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence, counted from 1.</param>
/// <param name="Code">The block's code, exactly as shown.</param>
public sealed partial record MarkdownSnippet(string File, int Line, string Code)
{
    /// <summary>Reads every <c>csharp</c> block of a Markdown text.</summary>
    /// <param name="file">The document's path relative to the repository root, for messages.</param>
    /// <param name="markdown">The document's text.</param>
    /// <returns>The blocks in document order.</returns>
    public static IEnumerable<MarkdownSnippet> Read(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var opening = OpeningFence().Match(lines[i]);
            if (!opening.Success)
            {
                continue;
            }

            var fence = opening.Groups["fence"].Value;
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].TrimStart() != fence; i++)
            {
                code.Add(lines[i]);
            }

            yield return new MarkdownSnippet(file, start + 1, string.Join('\n', code));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^\s*(?<fence>```+)\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningFence();
}

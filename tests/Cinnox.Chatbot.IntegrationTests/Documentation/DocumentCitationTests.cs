using System.Text.RegularExpressions;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Documentation;

public sealed partial class DocumentCitationTests
{
    // What users get: the packages' sources (XML docs reach IntelliSense, READMEs the package page), the docs, the
    // samples and the repository's README.
    private static readonly string[] ShippedFolders = ["src", "docs", "samples"];

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".md", ".js", ".html", ".css", ".json", ".csproj", ".props", ".targets", ".sql", ".txt",
    };

    [Fact]
    public void ShippedFiles_CiteOnlyDocumentsUsersHave()
    {
        var offending = ShippedFiles()
            .SelectMany(file => File.ReadLines(RepositoryFiles.Path(file)).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => UnpublishedCitation().IsMatch(entry.line))
            .Select(entry => $"{entry.file}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        offending.Should().BeEmpty(
            "XML docs, READMEs and samples cite the repository's docs/ (such as docs/protocol.md#request), never a document users do not have");
    }

    [Fact]
    public void DocsCitations_NameAnExistingDocumentAndHeading()
    {
        var broken = new List<string>();
        foreach (var file in ShippedFiles())
        {
            var text = File.ReadAllText(RepositoryFiles.Path(file));
            var folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
            var citations = DocsCitation().Matches(text).Select(match => (document: "docs/" + match.Groups["document"].Value, anchor: match.Groups["anchor"].Value));
            if (folder == "docs")
            {
                citations = citations.Concat(RelativeLink().Matches(text).Select(match => (document: "docs/" + match.Groups["document"].Value, anchor: match.Groups["anchor"].Value)));
            }

            foreach (var (document, anchor) in citations)
            {
                var path = RepositoryFiles.Path(document);
                if (!File.Exists(path))
                {
                    broken.Add($"{file}: {document} does not exist");
                }
                else if (anchor.Length > 0 && !Anchors(path).Contains(anchor))
                {
                    broken.Add($"{file}: {document} has no heading for #{anchor}");
                }
            }
        }

        broken.Distinct().Should().BeEmpty("every docs/ citation must lead to a document and, when it names one, a heading");
    }

    [Theory]
    [InlineData("## Limits and outcomes", "limits-and-outcomes")]
    [InlineData("### When a reply may stream", "when-a-reply-may-stream")]
    [InlineData("## Notifications, unread counts, Recent Connections", "notifications-unread-counts-recent-connections")]
    [InlineData("## `ChatbotCli`", "chatbotcli")]
    public void Anchor_IsTheHeadingSlugGitHubMakes(string heading, string anchor)
    {
        Slug(heading.TrimStart('#').Trim()).Should().Be(anchor);
    }

    private static IEnumerable<string> ShippedFiles() =>
        ShippedFolders
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.Path(folder), "*", SearchOption.AllDirectories))
            .Append(RepositoryFiles.Path("README.md"))
            .Where(path => TextExtensions.Contains(Path.GetExtension(path)))
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal);

    private static HashSet<string> Anchors(string markdownPath) =>
        [.. File.ReadLines(markdownPath)
            .Where(line => line.StartsWith('#'))
            .Select(line => Slug(line.TrimStart('#').Trim()))];

    // GitHub's heading anchors: lower case, punctuation dropped, spaces become hyphens.
    private static string Slug(string heading) =>
        string.Concat(heading.ToLowerInvariant()
            .Where(character => char.IsLetterOrDigit(character) || character is ' ' or '-' or '_')
            .Select(character => character == ' ' ? '-' : character));

    [GeneratedRegex(@"SPEC §|\.\./shared/|shared/seeds/")]
    private static partial Regex UnpublishedCitation();

    [GeneratedRegex(@"docs/(?<document>[a-z0-9-]+\.md)(?:#(?<anchor>[a-z0-9-]+))?")]
    private static partial Regex DocsCitation();

    [GeneratedRegex(@"\]\((?<document>[a-z0-9-]+\.md)(?:#(?<anchor>[a-z0-9-]+))?\)")]
    private static partial Regex RelativeLink();
}

using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Documentation;

public sealed class MarkdownSnippetTests
{
    // The documents a user reads: the repository's README, every package's README (shipped in the package),
    // the samples' READMEs and docs/.
    private static readonly string[] Documents =
    [
        "README.md",
        .. Directory.EnumerateFiles(RepositoryFiles.Path("src"), "README.md", SearchOption.AllDirectories),
        .. Directory.EnumerateFiles(RepositoryFiles.Path("samples"), "README.md", SearchOption.AllDirectories),
        .. Directory.EnumerateFiles(RepositoryFiles.Path("docs"), "*.md", SearchOption.AllDirectories),
    ];

    // Read once for the whole class: every case looks its snippet up here.
    private static readonly IReadOnlyList<MarkdownSnippet> AllSnippets = ReadSnippets();

    public static TheoryData<string> Snippets =>
        [.. AllSnippets.Select(snippet => snippet.ToString())];

    [Fact]
    public void Documents_HaveSnippets()
    {
        AllSnippets.Should().HaveCountGreaterThan(10, "the READMEs and docs show the packages in C#");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_CompilesAsShown(string location)
    {
        var snippet = AllSnippets.Single(candidate => candidate.ToString() == location);

        var diagnostics = SnippetCompiler.Compile(snippet);

        diagnostics.Select(diagnostic => diagnostic.ToString()).Should().BeEmpty(
            "every C# block of the documentation must compile when pasted into a new project:\n{0}", snippet.Code);
    }

    private static List<MarkdownSnippet> ReadSnippets() =>
        [.. Documents
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, RepositoryFiles.Path(path)).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => MarkdownSnippet.Read(path, File.ReadAllText(RepositoryFiles.Path(path))))];
}

namespace Cinnox.Chatbot.Testing;

/// <summary>Finds files of this repository from a test's output folder.</summary>
public static class RepositoryFiles
{
    private const string SolutionFileName = "Cinnox.Chatbot.sln";

    /// <summary>Gets the repository root: the nearest folder above the test's output that holds the solution file.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above the output holds the solution file.</exception>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets a path inside the repository.</summary>
    /// <param name="relativePath">A path relative to the repository root, with <c>/</c> separators.</param>
    /// <returns>The full path.</returns>
    public static string Path(string relativePath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar)));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"{SolutionFileName} was not found above {AppContext.BaseDirectory}.");
    }
}

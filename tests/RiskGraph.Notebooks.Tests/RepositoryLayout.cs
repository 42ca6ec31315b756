namespace RiskGraph.Notebooks.Tests;

/// <summary>Where the repository and its notebooks are, found by walking up from the test's output folder.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFileName = "RiskGraph.sln";

    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    public static IReadOnlyList<string> NotebookFileNames() =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    private static string FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"No {SolutionFileName} above {start}.");
    }
}

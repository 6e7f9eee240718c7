namespace Pei.Site.Tests;

/// <summary>Paths in the repository the tests run from: found by walking up from the test binaries to Pei.Site.sln.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pei.Site.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Pei.Site.sln not found above {AppContext.BaseDirectory}");
    }
}

namespace Pei.Site.Tests;

/// <summary>Paths of the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Theme => Path.Combine(Root, "site-theme");

    /// <summary>
    /// A fixed copy of content/ as published at the 2025-06-30 cut-off: for tests that edit the real content and pin its
    /// lines, dates or texts, so that a new cut-off in content/ never breaks them.
    /// </summary>
    public static string PublishedJune2025 => PathTo("tests", "Pei.Site.Tests", "Fixtures", "seguimiento-2025-06-30");

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
        throw new InvalidOperationException("Pei.Site.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pei-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Copies a folder tree into this folder under <paramref name="name"/> and returns its path.</summary>
    public string Copy(string source, string name)
    {
        var target = this[name];
        CopyTree(source, target);
        return target;
    }

    /// <summary>Copies the folder tree <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, directory)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Runs the command line in-process and captures its output.</summary>
public static class Cli
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error PEI", StringComparison.Ordinal)).ToArray();
    }

    public static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Pei.Site.Cli.CommandLine.Run(args, stdout, stderr);
        return new Outcome(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>What a build leaves beside its output folder.</summary>
internal static class BesideOutput
{
    /// <summary>
    /// Asserts that the folder holding the output has only the output and, at most, the one earlier generation a build
    /// keeps to write only what changed next time (".&lt;name&gt;.anterior-&lt;12 hex&gt;", a real folder): no staging
    /// folder, lock file or temporary file is left.
    /// </summary>
    public static void HasOnlyTheOutputAndItsEarlierGeneration(string parent, string name, params string[] others)
    {
        var entries = Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).OfType<string>().Except(others).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(name, entries);
        var kept = entries.Where(e => e != name).ToList();
        Assert.True(kept.Count <= 1, "beside the output: " + string.Join(", ", kept));
        foreach (var entry in kept)
        {
            Assert.Matches($@"^\.{System.Text.RegularExpressions.Regex.Escape(name)}\.anterior-[0-9a-f]{{12}}$", entry);
            Assert.Null(new DirectoryInfo(Path.Combine(parent, entry)).LinkTarget);
            Assert.True(Directory.Exists(Path.Combine(parent, entry)));
        }
    }
}

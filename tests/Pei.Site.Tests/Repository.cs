using Pei.Site.Cli;

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

    /// <summary>The small valid content the tests edit: Load/Cases/_base (two objectives, the cut-off 2025-06-30 published).</summary>
    public static string BaseCase => PathTo("tests", "Pei.Site.Tests", "Load", "Cases", "_base");

    /// <summary>The generator's own files: everything under generator/ but its build outputs (bin/, obj/), relative to the root.</summary>
    public static IEnumerable<string> GeneratorFiles() =>
        Directory.GetFiles(PathTo("generator"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f))
            .Where(f => f.Split(Path.DirectorySeparatorChar)[1] is not ("bin" or "obj"));

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

    /// <summary>Runs the command line with today as the process's SOURCE_DATE_EPOCH says (no test sets it: the real day).</summary>
    public static Outcome Run(params string[] args) => On(Clock.FromEnvironment()).Run(args);

    /// <summary>The command line with today taken from <paramref name="clock"/> instead of the process's environment.</summary>
    public static Dated On(Clock clock) => new(clock);

    /// <summary>
    /// The generator as a process of its own, with <paramref name="environment"/> added to its environment: for what the
    /// program reads from its environment (SOURCE_DATE_EPOCH, PEI_CHROMIUM), which a test may not change for the process
    /// every other test runs in.
    /// </summary>
    public static Outcome AsProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "pei-site.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The command line on a clock of its own: tests that date records run at the same time as any other.</summary>
    public sealed class Dated(Clock clock)
    {
        public Outcome Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = Pei.Site.Cli.CommandLine.Run(args, stdout, stderr, clock);
            return new Outcome(exit, stdout.ToString(), stderr.ToString());
        }
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

/// <summary>
/// The warnings that depend on today's date (PEI155, PEI156: a year's targets missing after 31 January), which the
/// command line gives with the real clock: tests on content whose years run out over time set them aside.
/// </summary>
public static class DatedWarnings
{
    public static bool IsDated(string line) =>
        line.Contains(" warning PEI155: ", StringComparison.Ordinal) || line.Contains(" warning PEI156: ", StringComparison.Ordinal);

    /// <summary>How many dated warnings the output holds.</summary>
    public static int Count(string stderr) => stderr.Split('\n').Count(IsDated);

    /// <summary>The output without the dated warnings, and without the summary line when they were all it counted.</summary>
    public static string Without(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var dated = lines.Count(IsDated);
        var rest = lines.Where(l => !IsDated(l)).ToList();
        if (dated > 0 && rest.Count == 1 && System.Text.RegularExpressions.Regex.IsMatch(rest[0], @"^\d+ advertencias?, ningún error\.$"))
        {
            rest.Clear();
        }
        return string.Join("\n", rest);
    }

    /// <summary>"1 advertencia" / "3 advertencias", as the summary line counts warnings.</summary>
    public static string Warnings(int count) => count == 1 ? "1 advertencia" : $"{count} advertencias";
}

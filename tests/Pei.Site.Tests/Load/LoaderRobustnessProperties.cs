using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;
using Pei.Site.Cli;
using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Load;

/// <summary>
/// Property-based tests: the real content, damaged at random the way an editor can damage it, always ends in a clean load or
/// in error diagnostics that point into an existing file, never in an exception or a hang.
/// </summary>
public sealed class LoaderRobustnessProperties : IDisposable
{
    private const int Iterations = 400;

    private static readonly string RealContent = Repository.PathTo("content");

    private static readonly string[] ContentFiles =
        Directory.GetFiles(RealContent, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RealContent, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static readonly Gen<ContentEdit> Edit = Gen.Select(
        Gen.Int[0, Enum.GetValues<EditKind>().Length - 1], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Int[0, 1000],
        (kind, a, b, choice) => new ContentEdit((EditKind)kind, a, b, choice));

    private static readonly Gen<ContentMutation> Mutation = Gen.Select(
        Gen.Int[0, ContentFiles.Length - 1], Edit.Array[1, 3],
        (file, edits) => new ContentMutation(ContentFiles[file], edits));

    private readonly ContentCopies copies = new();

    public void Dispose() => copies.Dispose();

    [Fact]
    public void Real_content_validates_without_errors()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = CommandLine.Run(["validate", "--content", RealContent], stdout, stderr);

        Assert.Equal("", DatedWarnings.Without(stderr.ToString()));
        Assert.Equal(CommandLine.Ok, exitCode);
        Assert.StartsWith("Contenido válido:", stdout.ToString());
    }

    [Fact]
    public void Damaged_content_ends_in_a_clean_load_or_in_errors_that_point_into_an_existing_file()
    {
        Mutation.Sample(mutation => copies.Damaged(mutation, content =>
        {
            var diagnostics = new DiagnosticBag();

            var plan = Bounded.Run(() => Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" })?.Plan, $"loading {mutation}");

            var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
            if (plan is null)
            {
                Assert.NotEmpty(errors);
            }
            else
            {
                Assert.Empty(errors);
            }
            foreach (var error in errors)
            {
                AssertPointsIntoContent(error, content);
            }
        }), iter: Iterations, threads: 2);
    }

    [Fact]
    public void Validate_on_damaged_content_exits_with_0_or_1_and_never_prints_a_stack_trace()
    {
        Mutation.Sample(mutation => copies.Damaged(mutation, content =>
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = Bounded.Run(() => CommandLine.Run(["validate", "--content", content], stdout, stderr), $"validating {mutation}");

            Assert.Contains(exitCode, new[] { CommandLine.Ok, CommandLine.ContentErrors });
            Assert.DoesNotContain("Exception", stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
            if (exitCode == CommandLine.ContentErrors)
            {
                Assert.Matches(@"\n\d+ errore?s?, \d+ advertencias?\.\z", "\n" + stderr.ToString().TrimEnd());
            }
        }), iter: Iterations / 4, threads: 2);
    }

    /// <summary>
    /// Copies of the real content, one for each case running at a time: a case damages one file of a free copy and puts
    /// the file's bytes back when it ends, so the content is copied once per thread instead of once per case.
    /// </summary>
    private sealed class ContentCopies : IDisposable
    {
        private readonly TempFolder temporary = new();
        private readonly ConcurrentBag<string> free = [];
        private int made;

        /// <summary>Runs <paramref name="check"/> on a copy of the real content with <paramref name="mutation"/> applied.</summary>
        public void Damaged(ContentMutation mutation, Action<string> check)
        {
            if (!free.TryTake(out var content))
            {
                content = Path.Combine(temporary.Path, Interlocked.Increment(ref made).ToString(CultureInfo.InvariantCulture), "content");
                TempFolder.CopyTree(RealContent, content);
            }
            var target = Path.Combine(content, mutation.File);
            var original = File.ReadAllBytes(Path.Combine(RealContent, mutation.File));
            File.WriteAllBytes(target, mutation.ApplyTo(original));
            try
            {
                check(content);
            }
            finally
            {
                File.WriteAllBytes(target, original);
                free.Add(content);
            }
        }

        public void Dispose() => temporary.Dispose();
    }

    /// <summary>The diagnostic names an existing file or folder of the content, and a line that file has.</summary>
    private static void AssertPointsIntoContent(Diagnostic diagnostic, string content)
    {
        Assert.StartsWith("content/", diagnostic.Where.File);
        var path = Path.Combine(content, diagnostic.Where.File["content/".Length..]);
        Assert.True(File.Exists(path) || Directory.Exists(path), $"{diagnostic} names a path that does not exist");
        Assert.True(diagnostic.Where.Line >= 1 && diagnostic.Where.Column >= 1, $"{diagnostic} has no position");
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            var lines = bytes.Count(b => b == (byte)'\n') + 1;
            Assert.True(diagnostic.Where.Line <= lines, $"{diagnostic} points past the end of the file ({lines} lines): {Convert.ToHexString(bytes)}");
        }
    }
}

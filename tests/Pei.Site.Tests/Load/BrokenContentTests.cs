using Pei.Site.Cli;
using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Load;

/// <summary>The broken-content corpus (Load/Cases): each case gives exactly its expected diagnostics, and the CLI refuses it.</summary>
public sealed class BrokenContentTests
{
    public static TheoryData<string> AllCases => new(ContentCase.Names());

    public static TheoryData<string> CasesWithErrors => new(ContentCase.Names().Where(ContentCase.ExpectsErrors));

    [Fact]
    public void Base_plan_of_the_corpus_loads_without_diagnostics()
    {
        using var content = ContentCase.Open(ContentCase.BaseName);
        var diagnostics = new DiagnosticBag();

        var plan = Pei.Site.Build.Pipeline.Compute(content.ContentDirectory, diagnostics, new() { Display = ContentCase.DisplayRoot })?.Plan;

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(plan);
        Assert.Equal([1, 2], plan.Objectives.Select(o => o.Number));
        Assert.Equal(["101", "102", "201", "202", "203"], plan.Indicators.Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Loader_reports_exactly_the_expected_diagnostics(string name)
    {
        using var content = ContentCase.Open(name);
        var diagnostics = new DiagnosticBag();

        var plan = Bounded.Run(() => Pei.Site.Build.Pipeline.Compute(content.ContentDirectory, diagnostics, new() { Display = ContentCase.DisplayRoot })?.Plan, $"loading case '{name}'");

        var actual = diagnostics.Sorted().Select(d => d.ToString()).ToList();
        var matches = actual.Count == content.Expected.Count &&
            content.Expected.Zip(actual).All(pair => pair.Second.StartsWith(pair.First, StringComparison.Ordinal));
        Assert.True(matches,
            $"case '{name}'\nexpected:\n  {string.Join("\n  ", content.Expected)}\nactual:\n  {string.Join("\n  ", actual)}");
        Assert.Equal(ContentCase.ExpectsErrors(name), plan is null);
    }

    [Theory]
    [MemberData(nameof(CasesWithErrors))]
    public void Validate_prints_the_diagnostics_and_exits_with_1(string name)
    {
        using var content = ContentCase.Open(name);
        // The CLI names files by the --content value as given.
        var loaded = new DiagnosticBag();
        // With today's date, as the command line runs: after 31 January a year's missing targets are warnings (PEI155).
        Pei.Site.Build.Pipeline.Compute(content.ContentDirectory, loaded, new() { Display = content.ContentDirectory, Today = Pei.Site.Cli.PublicationDate.Today(Pei.Site.Cli.Clock.FromEnvironment(), new DiagnosticBag()), YearTargets = true });
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = Bounded.Run(() => CommandLine.Run(["validate", "--content", content.ContentDirectory], stdout, stderr), $"validating case '{name}'");

        Assert.Equal(CommandLine.ContentErrors, exitCode);
        var printed = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(loaded.Sorted().Select(d => d.ToString()), printed[..^1]);
        Assert.Equal(content.Expected.Count, printed.Count(l => !DatedWarnings.IsDated(l)) - 1);
        var warnings = loaded.Items.Count - loaded.ErrorCount;
        // validate writes nothing anyway, so its summary only counts.
        Assert.Equal($"{loaded.ErrorCount} {(loaded.ErrorCount == 1 ? "error" : "errores")}, {warnings} {(warnings == 1 ? "advertencia" : "advertencias")}.", printed[^1]);
        Assert.Equal("", stdout.ToString());
    }

    [Theory]
    [MemberData(nameof(CasesWithErrors))]
    public void Build_exits_with_1_and_writes_nothing(string name)
    {
        using var content = ContentCase.Open(name);

        var exitCode = Bounded.Run(
            () => CommandLine.Run(["build", "--content", content.ContentDirectory, "--out", content.OutDirectory], TextWriter.Null, TextWriter.Null),
            $"building case '{name}'");

        Assert.Equal(CommandLine.ContentErrors, exitCode);
        Assert.False(Directory.Exists(content.OutDirectory), "build wrote an output folder for broken content");
    }
}

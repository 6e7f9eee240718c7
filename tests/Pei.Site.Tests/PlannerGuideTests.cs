using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests;

/// <summary>content/README.md, the planners' guide, keeps up with the diagnostics catalog and never trips the loader.</summary>
public sealed partial class PlannerGuideTests
{
    private static readonly string GuidePath = Repository.PathTo("content", "README.md");

    [GeneratedRegex(@"^(?<file>\S[^\n]*?):(?<line>\d+):(?<column>\d+): (?<severity>error|warning) (?<code>PEI\d{3}): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex ExampleLine();

    public static TheoryData<string> AllCodes => new(Codes.All.Select(c => c.Code));

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Planner_guide_lists_every_diagnostic_code(string code)
    {
        var guide = File.ReadAllText(GuidePath);

        Assert.Matches(new Regex($@"^#+ {code}\b", RegexOptions.Multiline), guide);
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Planner_guide_example_of_each_code_reads_as_the_generator_prints_it(string code)
    {
        var template = Codes.All.Single(c => c.Code == code).Template;
        var message = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{\d+\}", ".*") + "$");

        var examples = ExampleLine().Matches(File.ReadAllText(GuidePath)).Where(m => m.Groups["code"].Value == code).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.Matches(message, example.Groups["message"].Value.TrimEnd('\r')));
    }

    [Fact]
    public void Planner_guide_in_the_content_folder_does_not_trip_the_loader()
    {
        Assert.True(File.Exists(GuidePath));
        var diagnostics = new DiagnosticBag();

        var plan = Pei.Site.Build.Pipeline.Compute(Repository.PathTo("content"), diagnostics, new() { Display = "content" })?.Plan;

        Assert.NotNull(plan);
        Assert.Empty(diagnostics.Items);
    }
}

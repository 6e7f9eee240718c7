using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.NewCutOffBehaviour;

/// <summary>nuevo-corte --titulo writes the cut-off's title into plan.yaml, quoted so that any text reads back as written.</summary>
public sealed class NewCutOffTitleTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public NewCutOffTitleTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Tercer trimestre 2025", "    titulo: \"Tercer trimestre 2025\"")]
    [InlineData("Corte: \"tercer\" # trimestre \\ 2025", "    titulo: \"Corte: \\\"tercer\\\" # trimestre \\\\ 2025\"")]
    public void The_title_goes_between_the_date_and_the_draft_mark_and_loads_back_as_given(string title, string line)
    {
        var before = File.ReadAllText(Path.Combine(content, "plan.yaml"));

        var outcome = Cli.Run("nuevo-corte", "2025-09-30", "--titulo", title, "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        var (_, added) = TextDiff.Insertion(before, File.ReadAllText(Path.Combine(content, "plan.yaml")));
        Assert.Equal(["  - fecha: 2025-09-30", line, "    borrador: true"], added);
        var diagnostics = new DiagnosticBag();
        var plan = Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" })?.Plan;
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(title, plan!.CutOffs[^1].Title);
    }
}

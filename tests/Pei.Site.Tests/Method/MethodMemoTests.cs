using Pei.Site.Load;
using Pei.Site.Method;

namespace Pei.Site.Tests.Method;

/// <summary>
/// The memo serve passes to every rebuild's method: an objective whose indicators are the very objects of the last
/// computation (the load memo gives them for files that did not change) is not computed again, and the report is the one
/// a computation without memos gives, whatever was edited.
/// </summary>
public sealed class MethodMemoTests : IDisposable
{
    private readonly Load.SettledContent _settled = new();
    private readonly string _content;
    private readonly LoadMemo _load = new();
    private readonly MethodMemo _method = new();

    public MethodMemoTests()
    {
        _content = _settled.Folder;
    }

    public void Dispose() => _settled.Dispose();

    private (string Diagnostics, string PlanJson, PlanReport? Report) Compute(bool memos) =>
        memos ? _settled.Compute(_load, _method) : _settled.Compute(null);

    /// <summary>Computes with the memos and without; asserts both give the same and returns the memoized report.</summary>
    private PlanReport Both()
    {
        var memoized = Compute(memos: true);
        var cold = Compute(memos: false);
        Assert.Equal(cold.Diagnostics, memoized.Diagnostics);
        Assert.Equal(cold.PlanJson, memoized.PlanJson);
        Assert.NotNull(memoized.Report);
        return memoized.Report;
    }

    private void Edit(string file, string from, string to) => _settled.Edit(file, from, to);

    [Fact]
    public void Only_the_objective_of_an_edited_indicator_is_computed_again_and_the_report_is_a_cold_computations()
    {
        var report = Both();
        var all = report.CutOffs.Count * report.Plan.Objectives.Count;
        Assert.Equal((0, all), (_method.Reused, _method.Computed));

        Both();
        Assert.Equal((all, 0), (_method.Reused, _method.Computed));

        // An observation edited (no figure changes): its objective is computed again at every cut-off, and shows it.
        var file = Directory.GetFiles(_content, "4199.yaml", SearchOption.AllDirectories).Single();
        Edit(file, "Se espera subsanar el rezago en el mes de julio.", "Se espera subsanar el rezago en agosto.");
        report = Both();
        Assert.Equal((all - report.CutOffs.Count, report.CutOffs.Count), (_method.Reused, _method.Computed));
        var edited = report.Latest!.Objectives.SelectMany(o => o.Indicators).Single(i => i.Indicator.Id == "4199");
        Assert.Contains("en agosto", edited.Measurement.Observations, StringComparison.Ordinal);
        Assert.Same(report.Plan.Objectives.Single(o => o.Indicators.Any(i => i.Id == "4199")),
            report.Latest.Objectives.Single(o => o.Indicators.Any(i => i.Indicator.Id == "4199")).Objective);

        // A figure of the published cut-off edited: the same error as without the memos.
        Edit(file, "ejecutado: 0.36456", "ejecutado: 0.49");
        var broken = Compute(memos: true);
        Assert.Null(broken.Report);
        Assert.Contains("PEI055", broken.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(Compute(memos: false).Diagnostics, broken.Diagnostics);
        // Computed again with nothing changed: the difference found last time is still reported.
        Assert.Equal(broken.Diagnostics, Compute(memos: true).Diagnostics);
        Assert.Equal(0, _method.Computed);
        Edit(file, "ejecutado: 0.49", "ejecutado: 0.36456");
        Both();

        // An objective's own file edited: its indicators are the same objects, and its pages show the new title.
        var objective = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(file)!)!, "objetivo.yaml");
        var title = File.ReadAllLines(objective).Single(l => l.StartsWith("titulo:", StringComparison.Ordinal));
        Edit(objective, title, title + " (revisado)");
        report = Both();
        Assert.EndsWith("(revisado)", report.Latest!.Objectives.Single(o => o.Indicators.Any(i => i.Indicator.Id == "4199")).Objective.Title, StringComparison.Ordinal);
    }
}

using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Method;

namespace Pei.Site.Tests.Commitments;

/// <summary>
/// The fixture Fixtures/compromisos: four cut-offs of 2025, each published with `publicar` (and 2025-09-30 corrected
/// with `corregir`), with structured lag explanations from the first one. What it holds, indicator by indicator:
/// 101 lags at 03-31 (due 06-30) and meets at 06-30; 102 lags at every cut-off and keeps promising 06-30; 103 lags at
/// 03-31 (due 06-30), promises 12-31 at 06-30 and meets at 12-31; 104 lags only at 12-31 (due 2026-03-31); 201 lags
/// at 06-30 (due 09-30), was published lagging at 09-30 and corrected to meet it; 203 lags at 03-31 and 06-30 (due
/// 06-30) and meets at 09-30, after its date; 202 never lags.
/// </summary>
internal static class CommitmentFixture
{
    public static string Folder { get; } = Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "compromisos");

    private static readonly Lazy<PlanReport> Computed = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var report = Pipeline.Compute(Folder, diagnostics, new Pipeline.Options { Display = "content" });
        Assert.Empty(diagnostics.Items);
        return report!;
    });

    public static PlanReport Report => Computed.Value;

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static int Index(string iso) => Report.CutOffs.ToList().FindIndex(c => c.CutOff.Date == Day(iso));

    /// <summary>The commitments evaluated at a cut-off, by their key (indicator id and the cut-off made at).</summary>
    public static IReadOnlyDictionary<string, Commitment> At(string iso) =>
        CommitmentFollowUp.At(Report, Index(iso)).ToDictionary(c => c.Key);
}

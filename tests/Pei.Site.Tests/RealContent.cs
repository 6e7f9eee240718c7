using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Tests;

/// <summary>
/// The real content/ as loaded, so tests derive its shape (objectives, indicators, cut-offs) instead of assuming
/// today's: content/ gains a cut-off every quarter. Only the figures of the 2025-06-30 report may be pinned.
/// </summary>
internal static class RealContent
{
    /// <summary>The report every test may pin: its figures never change.</summary>
    public static readonly DateOnly PinnedReport = new(2025, 6, 30);

    private static readonly LoadedContent Loaded = new(Repository.Content);

    /// <summary>The fixed copy of the content as published at 2025-06-30 (<see cref="Repository.PublishedJune2025"/>).</summary>
    public static LoadedContent PublishedJune2025 { get; } = new(Repository.PublishedJune2025);

    public static Plan Plan => Loaded.Plan;

    public static PlanReport Report => Loaded.Report;

    public static string Summary => Loaded.Summary;

    public static DateOnly NextQuarterEnd => Loaded.NextQuarterEnd;
}

/// <summary>A content folder as loaded, with the shape tests derive from it.</summary>
internal sealed class LoadedContent(string folder)
{
    private readonly Lazy<Plan> _loaded = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        return Pei.Site.Build.Pipeline.Compute(folder, diagnostics, new() { Display = "content" })?.Plan
            ?? throw new InvalidOperationException($"{folder} does not load:\n" + string.Join("\n", diagnostics.Sorted()));
    });

    public Plan Plan => _loaded.Value;

    public PlanReport Report => PlanCalculator.Compute(Plan);

    /// <summary>"10 objetivos, 29 indicadores, 1 corte publicado", as validate and build summarise today's content.</summary>
    public string Summary
    {
        get
        {
            static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
            return $"{Plural(Plan.Objectives.Count, "objetivo", "objetivos")}, {Plural(Plan.Indicators.Count(), "indicador", "indicadores")}, " +
                Plural(Report.CutOffs.Count, "corte publicado", "cortes publicados");
        }
    }

    /// <summary>The quarter end after the last cut-off of the plan (drafts included): a date nuevo-corte accepts.</summary>
    public DateOnly NextQuarterEnd
    {
        get
        {
            var last = Plan.CutOffs[^1].Date;
            var next = new DateOnly(last.Year, last.Month, 1).AddMonths(3);
            var quarterEnd = new DateOnly(next.Year, (next.Month - 1) / 3 * 3 + 3, 1).AddMonths(1).AddDays(-1);
            return quarterEnd;
        }
    }
}

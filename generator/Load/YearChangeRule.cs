using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>
/// The year change: once the plan has a cut-off in a year, every indicator measured the year before either goes on (it
/// has that year's vigencia) or is marked as finished (<c>ultima_vigencia</c>). One that is neither would silently drop
/// out of the new year's cut-offs, and with it, when all of its indicators drop out, its objective. A warning while the
/// year's cut-offs are drafts; an error for publicar, which would publish a cut-off without them. Each indicator, and
/// each objective that would drop out whole, is named.
/// </summary>
public static class YearChangeRule
{
    /// <param name="publishing">The cut-off publicar is publishing: the indicators missing from its year are errors.</param>
    public static void Check(Plan plan, DateOnly? publishing, DiagnosticBag diagnostics)
    {
        foreach (var (year, first) in plan.CutOffs.GroupBy(c => c.Year).Select(g => (g.Key, g.First())))
        {
            var severity = publishing?.Year == year ? Severity.Error : Severity.Warning;
            foreach (var (objective, missing) in NotContinued(plan, year))
            {
                foreach (var indicator in missing)
                {
                    Add(diagnostics, severity, Codes.YearNotContinued, indicator.FiscalYear(year - 1)!.Where,
                        indicator.Id, objective.Number, year - 1, year, ContentWords.Of(first.Date));
                }
                if (!objective.Indicators.Any(i => i.FiscalYear(year) is not null))
                {
                    Add(diagnostics, severity, Codes.ObjectiveNotContinued, objective.Where, objective.Number, year - 1, year, ContentWords.Of(first.Date));
                }
            }
        }
    }

    /// <summary>
    /// The indicators with a vigencia the year before <paramref name="year"/>, none in it, and no ultima_vigencia that
    /// says they ended, by objective (only objectives that have any).
    /// </summary>
    public static IEnumerable<(Objective Objective, IReadOnlyList<Indicator> Indicators)> NotContinued(Plan plan, int year) =>
        plan.Objectives
            .Select(o => (o, (IReadOnlyList<Indicator>)o.Indicators
                .Where(i => i.FiscalYear(year - 1) is not null && i.FiscalYear(year) is null && !(i.LastYear < year))
                .ToList()))
            .Where(e => e.Item2.Count > 0);

    private static void Add(DiagnosticBag diagnostics, Severity severity, DiagnosticCode code, SourceSpan where, params object[] args) =>
        diagnostics.Add(new Diagnostic(code.Code, severity, where, code.Format(args)));
}

using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>
/// The plan of action of a year is published by 31 January (Decreto 612 de 2018): after that day, an indicator without
/// its vigencia for the year in course (its meta and ponderación) is a warning, at the indicator's last vigencia, or one
/// warning for the whole plan, at plan.yaml's last cut-off, when no indicator has it. Only
/// the year in course and only within the plan's period; runs when the command knows today's date.
/// </summary>
public static class YearTargetsRule
{
    public static void Check(Plan plan, DateOnly today, DiagnosticBag diagnostics)
    {
        var year = today.Year;
        if (!plan.Period.Contains(year) || today <= new DateOnly(year, 1, 31))
        {
            return;
        }
        // An indicator marked as finished (ultima_vigencia before the year) is not expected in it.
        var missing = plan.Indicators.Where(i => i.FiscalYear(year) is null && !(i.LastYear < year)).ToList();
        // No indicator has the year at all: one warning for the plan, at its list of cut-offs, rather than one per file.
        if (missing.Count > 1 && missing.Count == plan.Indicators.Count() && plan.CutOffs.Count > 0)
        {
            diagnostics.Warning(Codes.PlanYearTargetsMissing, plan.CutOffs[^1].Where, year, missing.Count);
            return;
        }
        foreach (var indicator in missing)
        {
            var where = indicator.FiscalYears.LastOrDefault(y => y.Year < year)?.Where ?? indicator.FiscalYears.FirstOrDefault()?.Where ?? indicator.Where;
            diagnostics.Warning(Codes.YearTargetsMissing, where, year);
        }
    }
}

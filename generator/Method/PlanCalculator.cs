using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>Applies <see cref="ProgressMethod"/> to a whole plan.</summary>
public static class PlanCalculator
{
    /// <summary>
    /// Computes every cut-off of the plan. Drafts are left out unless <paramref name="includeDrafts"/> (the preview of serve).
    /// </summary>
    public static PlanReport Compute(Plan plan, bool includeDrafts = false)
    {
        var cutOffs = plan.CutOffs
            .Where(c => includeDrafts || !c.Draft)
            .Select(c => new CutOffReport(c, plan.Objectives.Select(o => Objective(o, c)).ToList()) { Publication = plan.PublicationOf(c.Date) })
            .ToList();
        return new PlanReport(plan, cutOffs);
    }

    public static ObjectiveCompliance Objective(Objective objective, CutOff cutOff)
    {
        var indicators = objective.Indicators
            .Select(i => Indicator(i, cutOff.Date))
            .OfType<IndicatorProgress>()
            .ToList();
        var compliance = ProgressMethod.Compliance(indicators.Select(i => (i.Weight, i.CutOffProgress)));
        return new ObjectiveCompliance(objective, cutOff, compliance, indicators)
        {
            Expected = objective.Indicators.Count(i => i.FiscalYear(cutOff.Year) is not null),
        };
    }

    /// <summary>The indicator's figures at a cut-off; null when it has no measurement there.</summary>
    public static IndicatorProgress? Indicator(Indicator indicator, DateOnly cutOff)
    {
        var year = indicator.FiscalYear(cutOff.Year);
        var measurement = year?.Measurement(cutOff);
        if (year is null || measurement is null)
        {
            return null;
        }
        if (measurement.Planned is not { } planned || measurement.Executed is not { } executed)
        {
            return new IndicatorProgress(indicator, year, measurement, null, null, Status.NotReported);
        }
        var atCutOff = ProgressMethod.CutOffProgress(indicator.Accumulation, indicator.Baseline, planned, executed);
        var ofYear = ProgressMethod.YearProgress(indicator.Accumulation, indicator.Baseline, year.Target, executed);
        return new IndicatorProgress(indicator, year, measurement, atCutOff, ofYear, ProgressMethod.StatusOf(atCutOff));
    }
}

using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>Applies <see cref="ProgressMethod"/> to a whole plan.</summary>
public static class PlanCalculator
{
    /// <summary>
    /// Computes every cut-off of the plan. Drafts are left out unless <paramref name="includeDrafts"/> (the preview of serve).
    /// A published cut-off counts only the indicators its record counts: an indicator added later is never pulled into an
    /// earlier published cut-off (<see cref="PublicationCheck"/> reports a measurement the record does not count).
    /// </summary>
    /// <param name="memo">What an earlier computation of this content gave, used again for objectives whose indicators did
    /// not change (serve).</param>
    public static PlanReport Compute(Plan plan, bool includeDrafts = false, MethodMemo? memo = null)
    {
        memo?.Begin();
        // Each cut-off is computed on one of the cores; a figure that overflows is reported for the earliest cut-off, as in order.
        var computed = InParallel.Select(plan.CutOffs.Where(c => includeDrafts || !c.Draft).ToList(), c =>
        {
            try
            {
                var publication = plan.PublicationOf(c.Date);
                var counted = publication?.IndicatorIds;
                var objectives = plan.Objectives.Select(o => memo is null ? Objective(o, c, counted) : memo.Objective(o, c, counted)).ToList();
                return (Report: (CutOffReport?)new CutOffReport(c, objectives) { Publication = publication },
                    Overflow: (FigureOverflowException?)null);
            }
            catch (FigureOverflowException e)
            {
                return (Report: (CutOffReport?)null, Overflow: (FigureOverflowException?)e);
            }
        });
        if (computed.FirstOrDefault(c => c.Overflow is not null).Overflow is { } overflow)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(overflow).Throw();
        }
        var cutOffs = computed.Select(c => c.Report!).ToList();
        return new PlanReport(plan, cutOffs);
    }

    /// <summary>
    /// <see cref="Compute"/>, with a figure that exceeds decimal arithmetic reported as PEI050 in
    /// <paramref name="diagnostics"/> instead of thrown; null then.
    /// </summary>
    public static PlanReport? TryCompute(Plan plan, DiagnosticBag diagnostics, bool includeDrafts = false, MethodMemo? memo = null)
    {
        try
        {
            return Compute(plan, includeDrafts, memo);
        }
        catch (FigureOverflowException e)
        {
            e.Report(diagnostics);
            return null;
        }
    }

    /// <param name="counted">The only indicators to count (a published cut-off's); every measured one when null.</param>
    /// <exception cref="FigureOverflowException">A figure exceeds what decimal represents.</exception>
    public static ObjectiveCompliance Objective(Objective objective, CutOff cutOff, IReadOnlySet<string>? counted = null)
    {
        var indicators = objective.Indicators
            .Where(i => counted is null || counted.Contains(i.Id))
            .Select(i => Indicator(i, cutOff.Date))
            .OfType<IndicatorProgress>()
            .ToList();
        decimal? compliance, yearProgress;
        try
        {
            compliance = ProgressMethod.Compliance(indicators.Select(i => (i.Weight, i.CutOffProgress)));
            yearProgress = ProgressMethod.Compliance(indicators.Select(i => (i.Weight, i.YearProgress)));
        }
        catch (OverflowException e)
        {
            throw new FigureOverflowException(objective.Where, $"el cumplimiento del objetivo {objective.Number} al corte {ContentWords.Of(cutOff.Date)}",
                "las ponderaciones y los avances de sus indicadores", e);
        }
        return new ObjectiveCompliance(objective, cutOff, compliance, indicators)
        {
            Expected = objective.Indicators.Count(i => (counted is null || counted.Contains(i.Id)) && i.FiscalYear(cutOff.Year) is not null),
            YearProgress = yearProgress,
        };
    }

    /// <summary>The indicator's figures at a cut-off; null when it has no measurement there.</summary>
    /// <exception cref="FigureOverflowException">A figure exceeds what decimal represents.</exception>
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
        decimal? atCutOff, ofYear;
        try
        {
            atCutOff = ProgressMethod.CutOffProgress(indicator.Accumulation, indicator.Baseline, planned, executed);
            ofYear = ProgressMethod.YearProgress(indicator.Accumulation, indicator.Baseline, year.Target, executed);
        }
        catch (OverflowException e)
        {
            throw new FigureOverflowException(measurement.Where, $"el avance del indicador {indicator.Id} al corte {ContentWords.Of(cutOff)}",
                "'programado', 'ejecutado', 'meta' y 'linea_base' de este indicador", e);
        }
        return new IndicatorProgress(indicator, year, measurement, atCutOff, ofYear, ProgressMethod.StatusOf(atCutOff));
    }
}

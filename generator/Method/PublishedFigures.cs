using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>
/// The figures a cut-off publishes, as its record keeps them: an objective's cumplimiento and each counted indicator's
/// inputs (recorded exactly) and progress (rounded half away from zero to two decimals, as the site shows it). An
/// objective without any indicator measured at the cut-off has no figures. Each figure's position is the line in the
/// indicator file it comes from (the weight's, the meta's, programado's, ejecutado's; the measurement's for progress),
/// or the objective file's for cumplimiento.
/// </summary>
public static class PublishedFigures
{
    public const int Decimals = 2;

    /// <summary>The names of the figures a planner writes; the others are computed from them.</summary>
    public static bool IsInput(string name) =>
        name is FigureNames.Weight or FigureNames.YearTarget or FigureNames.Planned or FigureNames.Executed;

    /// <summary>A figure as its record writes it: inputs exactly as given, computed figures with two decimals ("75.30").</summary>
    public static string Format(string name, decimal value) =>
        IsInput(name)
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static decimal? Rounded(decimal? value) =>
        value is { } number ? Math.Round(number, Decimals, MidpointRounding.AwayFromZero) : null;

    public static IReadOnlyList<RecordedFigure> Of(IEnumerable<ObjectiveCompliance> objectives)
    {
        var figures = new List<RecordedFigure>();
        foreach (var objective in objectives.Where(o => o.Indicators.Count > 0))
        {
            var number = objective.Objective.Number;
            figures.Add(new RecordedFigure(new FigureKey(number, null, FigureNames.Compliance), Rounded(objective.Compliance), objective.Objective.Where));
            foreach (var progress in objective.Indicators)
            {
                var id = progress.Indicator.Id;
                var measurement = progress.Measurement.Where;
                figures.Add(new RecordedFigure(new FigureKey(number, id, FigureNames.Weight), progress.FiscalYear.Weight, progress.FiscalYear.WeightWhere));
                figures.Add(new RecordedFigure(new FigureKey(number, id, FigureNames.YearTarget), progress.FiscalYear.Target, progress.FiscalYear.TargetWhere ?? progress.FiscalYear.Where));
                figures.Add(new RecordedFigure(new FigureKey(number, id, FigureNames.Planned), progress.Measurement.Planned, progress.Measurement.PlannedWhere ?? measurement));
                figures.Add(new RecordedFigure(new FigureKey(number, id, FigureNames.Executed), progress.Measurement.Executed, progress.Measurement.ExecutedWhere ?? measurement));
                figures.Add(new RecordedFigure(new FigureKey(number, id, FigureNames.CutOffProgress), Rounded(progress.CutOffProgress), measurement));
                figures.Add(new RecordedFigure(new FigureKey(number, id, FigureNames.YearProgress), Rounded(progress.YearProgress), measurement));
            }
        }
        return figures;
    }

    /// <summary>Every measured indicator of the plan at a cut-off, whatever its record counts: what the cut-off would publish today.</summary>
    public static IReadOnlyList<RecordedFigure> Of(Plan plan, CutOff cutOff) =>
        Of(plan.Objectives.Select(o => PlanCalculator.Objective(o, cutOff)));

    /// <summary>The figures of <paramref name="now"/> that differ from <paramref name="recorded"/>, and those the record has and now are gone.</summary>
    public static (IReadOnlyList<RecordedFigure> Changed, IReadOnlyList<RecordedFigure> Gone) Compare(
        IReadOnlyDictionary<FigureKey, RecordedFigure> recorded, IReadOnlyList<RecordedFigure> now)
    {
        var changed = now.Where(f => !recorded.TryGetValue(f.Key, out var before) || before.Value != f.Value).ToList();
        var keys = now.Select(f => f.Key).ToHashSet();
        var gone = recorded.Values.Where(f => !keys.Contains(f.Key)).OrderBy(f => f.Where.Line).ToList();
        return (changed, gone);
    }
}

using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

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
    public const int Decimals = Precision.Decimals;

    /// <summary>The names of the figures a planner writes; the others are computed from them.</summary>
    public static bool IsInput(string name) => Figure.Of(name).IsInput;

    /// <summary>A figure as its record writes it: inputs exactly as given, computed figures with two decimals ("75.30").</summary>
    public static string Format(string name, decimal value) =>
        IsInput(name)
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A computed figure as a cut-off publishes it (<see cref="Precision"/>).</summary>
    public static decimal? Rounded(decimal? value) => value is { } number ? Rounded(number) : null;

    /// <summary>A computed figure as a cut-off publishes it (<see cref="Precision"/>).</summary>
    public static decimal Rounded(decimal value) => Precision.Round(value);

    public static IReadOnlyList<RecordedFigure> Of(IEnumerable<ObjectiveCompliance> objectives)
    {
        var figures = new List<RecordedFigure>();
        Visit(objectives, (key, value, where) => figures.Add(new RecordedFigure(key, value, where)));
        return figures;
    }

    /// <summary>Every measured indicator of the plan at a cut-off, whatever its record counts: what the cut-off would publish today.</summary>
    public static IReadOnlyList<RecordedFigure> Of(Plan plan, CutOff cutOff) => Of(Objectives(plan, cutOff));

    /// <summary>The plan's objectives at a cut-off with every measured indicator counted (<see cref="Of(Plan, CutOff)"/>).</summary>
    public static IReadOnlyList<ObjectiveCompliance> Objectives(Plan plan, CutOff cutOff) =>
        plan.Objectives.Select(o => PlanCalculator.Objective(o, cutOff)).ToList();

    /// <summary>The figures one objective publishes that differ from <paramref name="recorded"/>, and how many of its keys the record has.</summary>
    private static (IReadOnlyList<RecordedFigure> Changed, int Met) Compare(IReadOnlyDictionary<FigureKey, RecordedFigure> recorded, ObjectiveCompliance objective)
    {
        var changed = new List<RecordedFigure>();
        var met = 0;
        Visit([objective], (key, value, where) =>
        {
            var found = recorded.TryGetValue(key, out var before);
            if (found)
            {
                met++;
            }
            if (!found || before!.Value != value)
            {
                changed.Add(new RecordedFigure(key, value, where));
            }
        });
        return (changed, met);
    }

    /// <summary>Each figure the objectives publish, in the record's order, handed to <paramref name="visit"/> one at a time.</summary>
    private static void Visit(IEnumerable<ObjectiveCompliance> objectives, Action<FigureKey, decimal?, SourceSpan> visit)
    {
        foreach (var objective in objectives.Where(o => o.Indicators.Count > 0))
        {
            var number = objective.Objective.Number;
            visit(new FigureKey(number, null, FigureNames.Compliance), Rounded(objective.Compliance), objective.Objective.Where);
            foreach (var progress in objective.Indicators)
            {
                var id = progress.Indicator.Id;
                var measurement = progress.Measurement.Where;
                visit(new FigureKey(number, id, FigureNames.Weight), progress.FiscalYear.Weight, progress.FiscalYear.WeightWhere);
                visit(new FigureKey(number, id, FigureNames.YearTarget), progress.FiscalYear.Target, progress.FiscalYear.TargetWhere ?? progress.FiscalYear.Where);
                visit(new FigureKey(number, id, FigureNames.Planned), progress.Measurement.Planned, progress.Measurement.PlannedWhere ?? measurement);
                visit(new FigureKey(number, id, FigureNames.Executed), progress.Measurement.Executed, progress.Measurement.ExecutedWhere ?? measurement);
                visit(new FigureKey(number, id, FigureNames.CutOffProgress), Rounded(progress.CutOffProgress), measurement);
                visit(new FigureKey(number, id, FigureNames.YearProgress), Rounded(progress.YearProgress), measurement);
            }
        }
    }

    /// <summary>
    /// The figures the objectives publish now that differ from <paramref name="recorded"/> (in the record's order), and
    /// those the record has and now are gone (by line). Each figure is looked up as it is computed and kept only when it
    /// differs, because a large cut-off has six figures per indicator and building lists of them all to compare cost more
    /// than computing them. A figure has one key (an indicator is measured once per cut-off), so when every recorded key was met,
    /// none is gone.
    /// </summary>
    /// <param name="memo">What an earlier comparison with the same record gave for each objective, used again for
    /// objectives whose figures are the very ones compared then (serve).</param>
    public static (IReadOnlyList<RecordedFigure> Changed, IReadOnlyList<RecordedFigure> Gone) Compare(
        IReadOnlyDictionary<FigureKey, RecordedFigure> recorded, IReadOnlyList<ObjectiveCompliance> objectives, MethodMemo? memo = null)
    {
        var changed = new List<RecordedFigure>();
        var met = 0;
        foreach (var objective in objectives)
        {
            var (own, found) = memo is null ? Compare(recorded, objective) : memo.Compared(recorded, objective, Compare);
            changed.AddRange(own);
            met += found;
        }
        if (met == recorded.Count)
        {
            return (changed, []);
        }
        var keys = new HashSet<FigureKey>();
        Visit(objectives, (key, _, _) => keys.Add(key));
        return (changed, recorded.Values.Where(f => !keys.Contains(f.Key)).OrderBy(f => f.Where.Line).ToList());
    }
}

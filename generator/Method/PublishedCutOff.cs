using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>
/// A published cut-off as its record holds it: the computed cut-off's objectives and indicators, with every figure
/// (ponderación, meta de la vigencia, programado, ejecutado, avances, cumplimiento) replaced by the record's, either as
/// first published or as in force after the corrections of a given day. What a published report prints, so that the
/// report of a day is the same whatever the content or the method say later: words (names, observaciones) come from the
/// content, figures only from the record. Pure: it reads the report and the record and returns a new report.
/// </summary>
public static class PublishedCutOff
{
    /// <summary>The cut-off with the figures its record holds as first published; the cut-off itself when it has no record.</summary>
    public static CutOffReport AsFirstPublished(CutOffReport computed) =>
        computed.Publication is { } publication ? With(computed, publication.FirstPublished) : computed;

    /// <summary>
    /// The cut-off with the figures in force at the end of <paramref name="day"/>: as first published, overlaid in order
    /// with every correction made on or before that day.
    /// </summary>
    public static CutOffReport AsCorrectedOn(CutOffReport computed, DateOnly day)
    {
        if (computed.Publication is not { } publication)
        {
            return computed;
        }
        var figures = publication.FirstPublished.ToDictionary();
        foreach (var figure in publication.Corrections.Where(c => c.Date <= day).SelectMany(c => c.Figures))
        {
            figures[figure.Key] = figure;
        }
        return With(computed, figures);
    }

    /// <summary>The days a published cut-off was corrected, oldest first, each once: a corrected report per day.</summary>
    public static IReadOnlyList<DateOnly> CorrectionDays(Publication? publication) =>
        publication is null ? [] : publication.Corrections.Select(c => c.Date).Distinct().Order().ToList();

    /// <summary>The fe de erratas as it stood at the end of <paramref name="day"/>: every erratum of a correction made on or before it.</summary>
    public static IReadOnlyList<Erratum> ErrataOn(Publication publication, DateOnly day) =>
        publication.Errata.Where(e => e.Correction.Date <= day).ToList();

    private static CutOffReport With(CutOffReport computed, IReadOnlyDictionary<FigureKey, RecordedFigure> figures) =>
        computed with
        {
            Objectives = computed.Objectives.Select(objective =>
            {
                var number = objective.Objective.Number;
                var indicators = objective.Indicators.Select(i => With(i, number, figures)).ToList();
                return objective with
                {
                    Compliance = Figure(figures, new FigureKey(number, null, FigureNames.Compliance), objective.Compliance),
                    Indicators = indicators,
                    // Not a figure of the record: averaged again from the indicators' recorded avance de la vigencia.
                    YearProgress = ProgressMethod.Compliance(indicators.Select(i => (i.Weight, i.YearProgress))),
                };
            }).ToList(),
        };

    private static IndicatorProgress With(IndicatorProgress progress, int objective, IReadOnlyDictionary<FigureKey, RecordedFigure> figures)
    {
        decimal? Recorded(string name, decimal? computed) => Figure(figures, new FigureKey(objective, progress.Indicator.Id, name), computed);
        var year = progress.FiscalYear with
        {
            Weight = Recorded(FigureNames.Weight, progress.FiscalYear.Weight) ?? progress.FiscalYear.Weight,
            Target = Recorded(FigureNames.YearTarget, progress.FiscalYear.Target) ?? progress.FiscalYear.Target,
        };
        var measurement = progress.Measurement with
        {
            Planned = Recorded(FigureNames.Planned, progress.Measurement.Planned),
            Executed = Recorded(FigureNames.Executed, progress.Measurement.Executed),
        };
        var atCutOff = Recorded(FigureNames.CutOffProgress, progress.CutOffProgress);
        var status = measurement.Planned is null || measurement.Executed is null ? Status.NotReported : ProgressMethod.StatusOf(atCutOff);
        return progress with
        {
            FiscalYear = year,
            Measurement = measurement,
            CutOffProgress = atCutOff,
            YearProgress = Recorded(FigureNames.YearProgress, progress.YearProgress),
            Status = status,
        };
    }

    /// <summary>The record's value of a figure (null where it published none); the computed one when the record lacks the figure.</summary>
    private static decimal? Figure(IReadOnlyDictionary<FigureKey, RecordedFigure> figures, FigureKey key, decimal? computed) =>
        figures.TryGetValue(key, out var recorded) ? recorded.Value : computed;
}

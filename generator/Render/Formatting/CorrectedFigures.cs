using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Render.Formatting;

/// <summary>
/// A figure a correction changed after its cut-off was published: its value as first published, printed as the site
/// prints it, the date of its latest correction and the cut-off whose fe de erratas lists it.
/// </summary>
public sealed record CorrectedFigure(DateOnly CutOff, string Published, DateOnly Corrected)
{
    /// <summary>True where the figure stands for several cut-offs (a year's meta or ponderación): the words name the one corrected.</summary>
    public bool NamesCutOff { get; init; }

    /// <summary>"publicado 87,20 %" (or "publicado 50 % al 30 de septiembre de 2025"): what follows "corregido" beside the figure.</summary>
    public string PublishedWords => NamesCutOff ? $"publicado {Published} al {EsCo.Date(CutOff)}" : "publicado " + Published;

    /// <summary>"corregido; publicado 87,20 %".</summary>
    public string Words => "corregido; " + PublishedWords;
}

/// <summary>
/// Every corrected figure of the plan's published cut-offs, by cut-off and figure: where a page, a chart, a table or
/// the feed shows a figure, it asks here whether to mark it "corregido" and with which published value.
/// </summary>
public sealed class CorrectedFigures
{
    private readonly Dictionary<DateOnly, Publication> _corrected;

    public CorrectedFigures(IEnumerable<Publication> publications)
    {
        _corrected = publications.Where(p => p.Errata.Count > 0).ToDictionary(p => p.CutOff);
    }

    /// <summary>No correction at all (a plan without records).</summary>
    public static CorrectedFigures None { get; } = new([]);

    /// <summary>The figure <paramref name="key"/> of the cut-off <paramref name="cutOff"/> when a correction changed it; null otherwise.</summary>
    /// <param name="unit">The indicator's unit, for its magnitudes; null for an objective's figure.</param>
    public CorrectedFigure? Find(DateOnly cutOff, FigureKey key, Unit? unit)
    {
        if (!_corrected.TryGetValue(cutOff, out var publication) || !publication.LastCorrection.TryGetValue(key, out var last))
        {
            return null;
        }
        var published = publication.FirstPublished.GetValueOrDefault(key)?.Value;
        return new CorrectedFigure(cutOff, FigureText.Of(key.Name, published, unit), last.Correction.Date);
    }

    /// <summary>An objective's cumplimiento at its cut-off, when corrected.</summary>
    public CorrectedFigure? Compliance(ObjectiveCompliance objective) =>
        Find(objective.CutOff.Date, new FigureKey(objective.Objective.Number, null, FigureNames.Compliance), null);

    /// <summary>One of an indicator's figures (<see cref="FigureNames"/>) at its cut-off, when corrected.</summary>
    public CorrectedFigure? Indicator(IndicatorProgress progress, string figure) =>
        Find(progress.Measurement.CutOff, new FigureKey(progress.Indicator.ObjectiveNumber, progress.Indicator.Id, figure), progress.Indicator.Unit);

    /// <summary>The latest correction of one of an indicator's yearly figures (meta, ponderación) at any cut-off of the year.</summary>
    public CorrectedFigure? Year(Indicator indicator, FiscalYear year, string figure) =>
        year.Measurements.Select(m => Find(m.CutOff, new FigureKey(indicator.ObjectiveNumber, indicator.Id, figure), indicator.Unit))
            .LastOrDefault(c => c is not null) is { } corrected ? corrected with { NamesCutOff = true } : null;
}

/// <summary>A recorded figure printed as the site prints it (fe de erratas, "corregido; publicado …", the feed).</summary>
public static class FigureText
{
    /// <param name="unit">The indicator's unit, for its magnitudes (meta, programado, ejecutado); null for an objective's figure.</param>
    public static string Of(string name, decimal? value, Unit? unit) => value switch
    {
        null => "sin dato",
        { } v when name == FigureNames.Weight => EsCo.Weight(v),
        { } v when Vocabulary.FigureIsPercent(name) || unit is null => EsCo.Percent(v),
        { } v => EsCo.Magnitude(v, unit.Value),
    };
}

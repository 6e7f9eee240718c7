using Pei.Site.Diagnostics;

namespace Pei.Site.Model;

/// <summary>
/// The record of a published cut-off (content/publicaciones/AAAA-MM-DD.yaml): the figures as first published, the
/// publication date, and every correction since (fe de erratas). Written by `publicar` and `corregir`, read like the
/// rest of content/, and compared with the computed figures by one rule.
/// </summary>
public sealed record Publication
{
    /// <param name="figures">The figures as first published, in file order.</param>
    /// <param name="corrections">Corrections in the order they were made (oldest first); each lists only the figures it changes.</param>
    public Publication(DateOnly cutOff, DateOnly published, IReadOnlyList<RecordedFigure> figures, IReadOnlyList<Correction> corrections, SourceSpan where)
    {
        CutOff = cutOff;
        Published = published;
        Figures = figures;
        Corrections = corrections;
        Where = where;
        // One pass over the corrections in order: each erratum's "before" is the value in force just before it. A record
        // never corrected (most of them) has its first figures in force: one dictionary serves as both.
        var first = figures.ToDictionary(f => f.Key);
        var current = corrections.Count == 0 ? first : new Dictionary<FigureKey, RecordedFigure>(first);
        var errata = new List<Erratum>();
        foreach (var correction in corrections)
        {
            foreach (var figure in correction.Figures)
            {
                errata.Add(new Erratum(figure.Key, current.GetValueOrDefault(figure.Key)?.Value, figure.Value, correction));
                current[figure.Key] = figure;
            }
        }
        Current = current;
        Errata = errata;
        FirstPublished = first;
        LastCorrection = errata.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last());
        IndicatorIds = current.Keys.Where(k => k.Indicator is not null).Select(k => k.Indicator!).ToHashSet(StringComparer.Ordinal);
    }

    public DateOnly CutOff { get; }

    /// <summary>The day the cut-off was published ("Publicado el" in the footer).</summary>
    public DateOnly Published { get; }

    /// <summary>The figures as first published, in file order.</summary>
    public IReadOnlyList<RecordedFigure> Figures { get; }

    /// <summary>Corrections in the order they were made (oldest first); each lists only the figures it changes.</summary>
    public IReadOnlyList<Correction> Corrections { get; }

    public SourceSpan Where { get; }

    /// <summary>Where the record names its cut-off (its <c>corte</c>).</summary>
    public SourceSpan? CutOffWhere { get; init; }

    /// <summary>Where the record gives its publication date (its <c>publicado</c>).</summary>
    public SourceSpan? PublishedWhere { get; init; }

    /// <summary>Where the figures as first published start (the <c>cifras</c> key).</summary>
    public SourceSpan? FiguresWhere { get; init; }

    /// <summary>Where the corrections start (the <c>correcciones</c> key); null when the record has none.</summary>
    public SourceSpan? CorrectionsWhere { get; init; }

    /// <summary>The figures in force: the published ones overlaid with every correction in order.</summary>
    public IReadOnlyDictionary<FigureKey, RecordedFigure> Current { get; }

    /// <summary>Every figure a correction changed: the value in force before it, the corrected value, the date and the reason.</summary>
    public IReadOnlyList<Erratum> Errata { get; }

    /// <summary>The figures as first published, by key.</summary>
    public IReadOnlyDictionary<FigureKey, RecordedFigure> FirstPublished { get; }

    /// <summary>The latest correction of each corrected figure (its <see cref="Erratum.Before"/> is the value in force
    /// just before it); a figure never corrected has none.</summary>
    public IReadOnlyDictionary<FigureKey, Erratum> LastCorrection { get; }

    /// <summary>The ids of the indicators the published cut-off counted (those with figures in the record).</summary>
    public IReadOnlySet<string> IndicatorIds { get; }
}

/// <summary>A correction of a published cut-off: when, why, and the figures it changes.</summary>
public sealed record Correction
{
    public required DateOnly Date { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<RecordedFigure> Figures { get; init; }
    public required SourceSpan Where { get; init; }

    /// <summary>Where its <c>fecha</c> is written; <see cref="Where"/> when unknown.</summary>
    public SourceSpan? DateWhere { get; init; }

    /// <summary>Where its <c>motivo</c> is written; <see cref="Where"/> when unknown.</summary>
    public SourceSpan? ReasonWhere { get; init; }
}

/// <summary>
/// Which figure: an objective's (Indicator null, Name "cumplimiento") or an indicator's (Name one of
/// <see cref="FigureNames"/>).
/// </summary>
public readonly record struct FigureKey(int Objective, string? Indicator, string Name);

/// <summary>A recorded figure; null where the published page showed none (e.g. no progress when nothing was programmed).</summary>
public sealed record RecordedFigure(FigureKey Key, decimal? Value, SourceSpan Where);

/// <summary>One line of a fe de erratas.</summary>
public sealed record Erratum(FigureKey Key, decimal? Before, decimal? After, Correction Correction);

/// <summary>
/// What a figure of a cut-off is: its YAML name in a record (and column in the open data), what it is called on the site
/// and in messages, whether planners write it, and whether it is always a percentage. The one table every stage reads.
/// </summary>
/// <param name="Name">The YAML name, e.g. "avance_corte".</param>
/// <param name="Label">As a heading or table says it: "% avance al corte".</param>
/// <param name="Phrase">With its article, as a sentence says it: "el avance al corte".</param>
/// <param name="IsInput">Planners write it (weight, meta, programado, ejecutado); the others are computed, and published rounded.</param>
/// <param name="IsPercent">Always a percentage, whatever the indicator's unit.</param>
public sealed record Figure(string Name, string Label, string Phrase, bool IsInput, bool IsPercent)
{
    private static readonly Dictionary<string, Figure> ByName = new Figure[]
    {
        new(FigureNames.Compliance, "Cumplimiento", "el cumplimiento", IsInput: false, IsPercent: true),
        new(FigureNames.Weight, "Ponderación", "la ponderación", IsInput: true, IsPercent: true),
        new(FigureNames.YearTarget, "Meta de la vigencia", "la meta de la vigencia", IsInput: true, IsPercent: false),
        new(FigureNames.Planned, "Programado al corte", "el programado", IsInput: true, IsPercent: false),
        new(FigureNames.Executed, "Ejecutado al corte", "el ejecutado", IsInput: true, IsPercent: false),
        new(FigureNames.CutOffProgress, "% avance al corte", "el avance al corte", IsInput: false, IsPercent: true),
        new(FigureNames.YearProgress, "Avance de la vigencia", "el avance de la vigencia", IsInput: false, IsPercent: true),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The figure named <paramref name="name"/>; an unknown name (never in a loaded record) is called by itself.</summary>
    public static Figure Of(string name) => ByName.GetValueOrDefault(name) ?? new(name, name, name, IsInput: false, IsPercent: false);
}

/// <summary>The YAML names of the recorded figures (<see cref="Figure"/> says what each is). Computed ones are stored
/// rounded to two decimals, as published.</summary>
public static class FigureNames
{
    public const string Compliance = "cumplimiento";
    public const string Weight = "ponderacion";
    public const string YearTarget = "meta_vigencia";
    public const string Planned = "programado";
    public const string Executed = "ejecutado";
    public const string CutOffProgress = "avance_corte";
    public const string YearProgress = "avance_vigencia";

    /// <summary>An indicator's figures in the order the record lists them.</summary>
    public static IReadOnlyList<string> Indicator { get; } = [Weight, YearTarget, Planned, Executed, CutOffProgress, YearProgress];
}

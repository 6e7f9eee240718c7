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
        // One pass over the corrections in order: each erratum's "before" is the value in force just before it.
        var current = figures.ToDictionary(f => f.Key);
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
        FirstPublished = figures.ToDictionary(f => f.Key);
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

/// <summary>The YAML names of the recorded figures. Computed ones are stored rounded to two decimals, as published.</summary>
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

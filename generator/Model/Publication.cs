using Pei.Site.Diagnostics;

namespace Pei.Site.Model;

/// <summary>
/// The record of a published cut-off (content/publicaciones/AAAA-MM-DD.yaml): the figures as first published, the
/// publication date, and every correction since (fe de erratas). Written by `publicar` and `corregir`, read like the
/// rest of content/, and compared with the computed figures by one rule.
/// </summary>
public sealed record Publication
{
    public required DateOnly CutOff { get; init; }
    /// <summary>The day the cut-off was published ("Publicado el" in the footer).</summary>
    public required DateOnly Published { get; init; }
    /// <summary>The figures as first published, in file order.</summary>
    public required IReadOnlyList<RecordedFigure> Figures { get; init; }
    /// <summary>Corrections in the order they were made (oldest first); each lists only the figures it changes.</summary>
    public required IReadOnlyList<Correction> Corrections { get; init; }
    public required SourceSpan Where { get; init; }

    /// <summary>The figures in force: the published ones overlaid with every correction in order.</summary>
    public IReadOnlyDictionary<FigureKey, RecordedFigure> Current => Derived.Of(this).Current;

    /// <summary>Every figure a correction changed: the value in force before it, the corrected value, the date and the reason.</summary>
    public IReadOnlyList<Erratum> Errata => Derived.Of(this).Errata;

    /// <summary>The ids of the indicators the published cut-off counted (those with figures in the record).</summary>
    public IReadOnlySet<string> IndicatorIds => Derived.Of(this).IndicatorIds;

    /// <summary>
    /// What is derived from a record, computed once per record and used by every cut-off page and check: kept beside the
    /// record, not in it, so that records stay plain values (equality, <c>with</c>).
    /// </summary>
    private sealed class Derived
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Publication, Derived> Table = new();

        private Derived(Publication publication)
        {
            // One pass over the corrections in order: each erratum's "before" is the value in force just before it.
            var current = publication.Figures.ToDictionary(f => f.Key);
            var errata = new List<Erratum>();
            foreach (var correction in publication.Corrections)
            {
                foreach (var figure in correction.Figures)
                {
                    errata.Add(new Erratum(figure.Key, current.GetValueOrDefault(figure.Key)?.Value, figure.Value, correction));
                    current[figure.Key] = figure;
                }
            }
            Current = current;
            Errata = errata;
            IndicatorIds = current.Keys.Where(k => k.Indicator is not null).Select(k => k.Indicator!).ToHashSet(StringComparer.Ordinal);
        }

        public IReadOnlyDictionary<FigureKey, RecordedFigure> Current { get; }

        public IReadOnlySet<string> IndicatorIds { get; }

        public IReadOnlyList<Erratum> Errata { get; }

        public static Derived Of(Publication publication) => Table.GetValue(publication, p => new Derived(p));
    }
}

/// <summary>A correction of a published cut-off: when, why, and the figures it changes.</summary>
public sealed record Correction
{
    public required DateOnly Date { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<RecordedFigure> Figures { get; init; }
    public required SourceSpan Where { get; init; }
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

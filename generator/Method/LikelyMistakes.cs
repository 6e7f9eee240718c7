using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Method;

/// <summary>
/// Figures that are probably typed wrong, as warnings with the figures and a fix, in the cut-offs still being filled in
/// (drafts, and the one publicar is publishing): a running total below the previous cut-off's (the quarter typed instead
/// of the year to date), a number with three decimals that reads like a thousands separator ("8.110"), and a figure
/// about 100 or 1,000 times off the previous cut-off's (either way) or, without one, the year's target (larger, or smaller
/// for a percentage: a fraction typed for it). Published cut-offs are left alone: their figures are public, and they change only through corregir.
/// </summary>
public static class LikelyMistakes
{
    /// <summary>A figure this many times off its reference is called 100 times off (and from 316, 1,000).</summary>
    private const decimal ScaleOff = 80m;

    public static void Check(Plan plan, DateOnly? publishing, DiagnosticBag diagnostics)
    {
        foreach (var cutOff in plan.CutOffs.Where(c => c.Draft || c.Date == publishing))
        {
            foreach (var indicator in plan.Indicators)
            {
                if (indicator.FiscalYear(cutOff.Year) is not { } year || year.Measurement(cutOff.Date) is not { } measurement)
                {
                    continue;
                }
                var previous = year.Measurements.LastOrDefault(m => m.CutOff < cutOff.Date);
                Check(indicator, year, measurement, previous, "programado", m => m.Planned, m => m.PlannedWhere, diagnostics);
                Check(indicator, year, measurement, previous, "ejecutado", m => m.Executed, m => m.ExecutedWhere, diagnostics);
            }
        }
    }

    private static void Check(Indicator indicator, FiscalYear year, Measurement measurement, Measurement? previous, string key,
        Func<Measurement, decimal?> figure, Func<Measurement, SourceSpan?> place, DiagnosticBag diagnostics)
    {
        if (figure(measurement) is not { } value)
        {
            return;
        }
        var where = place(measurement) ?? measurement.Where;
        var before = previous is null ? null : figure(previous);
        if (before is { } earlier && value < earlier && indicator.Accumulation is Accumulation.Sum or Accumulation.Increasing)
        {
            diagnostics.Warning(Codes.RunningTotalFalls, where, key, EsCo.Exact(earlier), ContentWords.Of(previous!.CutOff),
                EsCo.Exact(value), ContentWords.Of(measurement.CutOff), ContentWords.Of(indicator.Accumulation));
        }
        if (LooksLikeThousands(value, indicator.Unit))
        {
            diagnostics.Warning(Codes.ThousandsLookalike, where, "", $"'{key}: {Written(value)}'", EsCo.Exact(value), "en YAML",
                (value * 1000).ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        var fromTarget = before is not { } b || b == 0;
        var (reference, words) = fromTarget
            ? (year.Target, $"la meta de la vigencia {year.Year}")
            : (before!.Value, $"el {key} del corte {ContentWords.Of(previous!.CutOff)}");
        if (value == 0 || reference == 0)
        {
            return;
        }
        var ratio = Math.Abs(value) / Math.Abs(reference);
        var larger = ratio >= ScaleOff;
        // Early in the year a running total may be a small part of the year's target: against the target, only a
        // percentage (a fraction typed for it) is called too small.
        if (!larger && (ratio * ScaleOff > 1 || (fromTarget && indicator.Unit != Unit.Percentage)))
        {
            return;
        }
        var factor = larger ? ratio : 1 / ratio;
        var times = factor >= 316 ? 1000 : 100;
        var fix = !larger && indicator.Unit == Unit.Percentage && times == 100
            ? $"el indicador se mide en porcentaje: si {EsCo.Exact(value)} es una fracción, escriba el porcentaje, {EsCo.Exact(value * 100 / 1.0000000000000000000000000000m)}"
            : "si la escribió en otra unidad (miles, millones) o con un separador de miles, corríjala; si es correcta, no cambie nada";
        diagnostics.Warning(Codes.FigureScaleOff, where, key, EsCo.Exact(value), EsCo.Integer(times).Replace("1000", "1.000", StringComparison.Ordinal),
            larger ? "mayor" : "menor", words, EsCo.Exact(reference), fix);
    }

    /// <summary>A number with exactly three decimals and one to three digits before the point, in an indicator that counts.</summary>
    private static bool LooksLikeThousands(decimal value, Unit unit) =>
        unit == Unit.Number && value.Scale == 3 && Math.Abs(value) is >= 1 and < 1000;

    private static string Written(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

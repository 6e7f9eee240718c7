using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;
using Pei.Site.Text;

namespace Pei.Site.Render.Charts;

/// <summary>The site's two trend charts, built from computed figures: an objective's cumplimiento and an indicator's year.</summary>
public static class TrendCharts
{
    /// <summary>Point labels stay readable up to this many cut-offs; beyond it only the table and the summary give values.</summary>
    private const int LabelledPoints = 8;

    /// <summary>
    /// An objective's cumplimiento at every cut-off, with the 100 % line; markers tell the status by shape.
    /// Null with fewer than two cut-offs: a single point is no trend, and the page says so in a sentence.
    /// A figure corrected after publication is framed, and the summary says so with the published value.
    /// </summary>
    public static RenderedChart? Compliance(Objective objective, IReadOnlyList<ObjectiveCompliance> history, CorrectedFigures corrections)
    {
        if (history.Count < 2)
        {
            return null;
        }
        var corrected = history.Select(corrections.Compliance).ToList();
        var measured = history.Where(h => h.Compliance is not null).ToList();
        var summary = measured.Count == 0
            ? $"Ningún corte tuvo indicadores programados para el objetivo {objective.Number}."
            : $"Cumplimiento del objetivo {objective.Number} en {EsCo.Integer(history.Count)} cortes, del {EsCo.Date(history[0].CutOff.Date)} al {EsCo.Date(history[^1].CutOff.Date)}. " +
              $"{Extremes(measured.Select(h => (h.CutOff.Date, h.Compliance!.Value)).ToList(), EsCo.Percent)}";
        summary += CorrectedSentence(history.Select((h, i) => (h.CutOff.Date, h.Compliance is { } c ? EsCo.Percent(c) : "sin dato", corrected[i])));
        return SvgChart.Render(new LineChart
        {
            Id = "grafica-cumplimiento",
            Title = $"Cumplimiento del objetivo {objective.Number} en cada corte",
            Summary = summary,
            Categories = Categories(history.Select(h => h.CutOff.Date).ToList()),
            Series =
            [
                new ChartSeries("Cumplimiento", "cumplimiento", MarkerShape.Circle,
                    history.Select((h, i) => new ChartPoint(h.Compliance, h.Compliance is { } c ? EsCo.Percent(c) : "",
                        h.Status == Status.Lagging ? MarkerShape.TriangleDown : MarkerShape.Circle, corrected[i] is not null)).ToList()),
            ],
            Reference = new ReferenceLine(100m, "100 %"),
            Legend =
            [
                new LegendEntry(MarkerShape.TriangleDown, "Con rezago", "cumplimiento"),
                .. corrected.Any(c => c is not null) ? [CorrectedLegend("cumplimiento")] : Array.Empty<LegendEntry>(),
            ],
            PercentAxis = true,
            LabelPoints = history.Count <= LabelledPoints,
        });
    }

    /// <summary>
    /// An indicator's programado and ejecutado at each cut-off of one fiscal year, with the year's target as a line.
    /// Null with fewer than two measurements. A figure corrected after publication is framed, and the summary says so.
    /// </summary>
    public static RenderedChart? Year(Indicator indicator, FiscalYear year, IReadOnlyList<IndicatorProgress> measurements, CorrectedFigures corrections)
    {
        if (measurements.Count < 2)
        {
            return null;
        }
        var planned = measurements.Select(m => corrections.Indicator(m, FigureNames.Planned)).ToList();
        var executed = measurements.Select(m => corrections.Indicator(m, FigureNames.Executed)).ToList();
        var y = EsCo.Integer(year.Year);
        string Value(decimal v) => EsCo.Magnitude(v, indicator.Unit);
        var last = measurements[^1].Measurement;
        var summary = $"Programado y ejecutado de la vigencia {y} en {EsCo.Integer(measurements.Count)} cortes, frente a una meta de la vigencia de {Value(year.Target)}. " +
            (last.Planned is { } p && last.Executed is { } e
                ? $"Al {EsCo.Date(last.CutOff)} se había programado {Value(p)} y ejecutado {Value(e)}."
                : $"El corte del {EsCo.Date(last.CutOff)} aún no tiene cifras.") +
            CorrectedSentence(measurements.SelectMany((m, i) => new[]
            {
                (m.Measurement.CutOff, "programado " + (m.Measurement.Planned is { } p ? Value(p) : "sin dato"), planned[i]),
                (m.Measurement.CutOff, "ejecutado " + (m.Measurement.Executed is { } e ? Value(e) : "sin dato"), executed[i]),
            }));
        return SvgChart.Render(new LineChart
        {
            Id = "grafica-" + y,
            Title = $"Programado y ejecutado en cada corte de la vigencia {y}",
            Summary = summary,
            Categories = Categories(measurements.Select(m => m.Measurement.CutOff).ToList()),
            Series =
            [
                new ChartSeries("Programado", "programado", MarkerShape.Square,
                    measurements.Select((m, i) => new ChartPoint(m.Measurement.Planned, m.Measurement.Planned is { } v ? Value(v) : "", MarkerShape.Square, planned[i] is not null)).ToList()),
                new ChartSeries("Ejecutado", "ejecutado", MarkerShape.Circle,
                    measurements.Select((m, i) => new ChartPoint(m.Measurement.Executed, m.Measurement.Executed is { } v ? Value(v) : "", MarkerShape.Circle, executed[i] is not null)).ToList()),
            ],
            Legend = planned.Concat(executed).Any(c => c is not null) ? [CorrectedLegend("ejecutado")] : [],
            Reference = new ReferenceLine(year.Target, $"Meta de la vigencia: {Value(year.Target)}"),
            PercentAxis = indicator.Unit == Unit.Percentage,
            LabelPoints = false,
        });
    }

    /// <summary>The legend entry of a corrected point: a framed marker.</summary>
    private static LegendEntry CorrectedLegend(string style) => new(MarkerShape.Circle, "Corregido después de publicado", style, Framed: true);

    /// <summary>
    /// " Corregido después de publicado: al 30 de septiembre de 2025, 99,33 % (corregido; publicado 99,26 %)." for the
    /// chart's text alternative; empty when no point was corrected.
    /// </summary>
    private static string CorrectedSentence(IEnumerable<(DateOnly Date, string Shown, CorrectedFigure? Corrected)> points)
    {
        var corrected = points.Where(p => p.Corrected is not null).Select(p => $"al {EsCo.Date(p.Date)}, {p.Shown} ({p.Corrected!.Words})").ToList();
        return corrected.Count == 0 ? "" : $" Corregido después de publicado: {string.Join("; ", corrected)}.";
    }

    /// <summary>"mar." over "2025": the year shows under the first cut-off and wherever it changes.</summary>
    private static List<ChartCategory> Categories(IReadOnlyList<DateOnly> dates) =>
        dates.Select((d, i) => new ChartCategory(EsCo.ShortMonth(d), i == 0 || dates[i - 1].Year != d.Year ? EsCo.Integer(d.Year) : null)).ToList();

    /// <summary>"Empezó en 87,20 % y llegó a 90,45 %; el más alto fue … (fecha) y el más bajo … (fecha)."</summary>
    private static string Extremes(IReadOnlyList<(DateOnly Date, decimal Value)> values, Func<decimal, string> format)
    {
        var highest = values.MaxBy(v => v.Value);
        var lowest = values.MinBy(v => v.Value);
        return $"Empezó en {format(values[0].Value)} y llegó a {format(values[^1].Value)}; " +
            $"el más alto fue {format(highest.Value)} ({EsCo.Date(highest.Date)}) y el más bajo {format(lowest.Value)} ({EsCo.Date(lowest.Date)}).";
    }
}
